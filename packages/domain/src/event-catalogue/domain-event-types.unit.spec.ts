import { RULE_CODES } from '../rule-codes.js';
import { DOMAIN_EVENT_TYPES } from './domain-event-types.js';

const published = ({ aggregate, event, schemaVersion }: (typeof DOMAIN_EVENT_TYPES)[number]) => `ecab.${aggregate}.${event}.v${schemaVersion}`;

describe('DOMAIN_EVENT_TYPES', () => {
  it('names every stored event type once, across all aggregates', () => {
    const types = DOMAIN_EVENT_TYPES.map((t) => t.type);
    expect(new Set(types).size).toBe(types.length);
  });

  it('gives every event a distinct published name in kebab case', () => {
    const names = DOMAIN_EVENT_TYPES.map(published);
    expect(new Set(names).size).toBe(names.length);
    for (const { event } of DOMAIN_EVENT_TYPES) expect(event).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it('keeps the names partners already know and the examples of the brief (project money is read as v2; v1 stays published in @ecab/contracts)', () => {
    expect(DOMAIN_EVENT_TYPES.map(published)).toEqual(
      expect.arrayContaining([
        'ecab.project.registered.v1',
        'ecab.project.commitment-recorded.v2',
        'ecab.project.disbursement-recorded.v2',
        'ecab.project.status-changed.v1',
        'ecab.agreement.signed.v1',
      ]),
    );
  });

  it('keeps the validation workflow internal and money movements partner-facing (docs/DOMAIN.md §3.2)', () => {
    const audience = Object.fromEntries(DOMAIN_EVENT_TYPES.map((t) => [t.type, t.partnerFacing]));
    expect(audience).toMatchObject({ ProjectPublished: false, ProjectStatusChanged: true, FundsCancelled: true, TransactionReversed: true });
  });

  it('publishes contract awards, ratings and governance decisions, and keeps issues and risks internal (docs/DOMAIN.md §3.2)', () => {
    const audience = Object.fromEntries(DOMAIN_EVENT_TYPES.map((t) => [t.type, t.partnerFacing]));
    expect(audience).toMatchObject({
      ContractAwarded: true,
      ProcurementPackagePlanned: false,
      PerformanceRated: true,
      IssueRaised: false,
      IssueResolved: false,
      RiskRegistered: false,
      GovernanceMeetingRecorded: true,
    });
    expect(DOMAIN_EVENT_TYPES.map(published)).toEqual(
      expect.arrayContaining([
        'ecab.contract.awarded.v1',
        'ecab.performance.rated.v1',
        'ecab.programme.governance-meeting-recorded.v1',
        'ecab.organisation.merged.v1',
      ]),
    );
  });
});

describe('RULE_CODES', () => {
  it('lists every rule code once', () => {
    expect(new Set(RULE_CODES).size).toBe(RULE_CODES.length);
  });
});
