import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { parseMoney } from '../money/money.js';
import { context } from '../test-support/decision-context.js';
import type { AgreementCommand } from './commands.js';
import { agreementDecider } from './decide.js';
import type { AgreementEvent } from './events.js';
import fc from 'fast-check';

const PROJECT = 'ECAB-TR-01';
const ADB = 'XM-DAC-46004';
const shorthand = { agreementId: `${PROJECT}~${ADB}`, projectId: PROJECT, financier: ADB, date: '2025-06-30' };
const currency = fc.constantFrom('USD', 'KZT', 'JPY', 'KWD');
const amount = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 8n }).map(String),
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.stringMatching(/^\d{1,3}$/)).map(([i, d]) => `${i}.${d}`),
);
const command: fc.Arbitrary<AgreementCommand> = fc.oneof(
  fc
    .record({ id: fc.nat(20), amount, currency })
    .map((c): AgreementCommand => ({ type: 'RecordCommitment', data: { ...shorthand, commitmentId: `C-${c.id}`, amount: c.amount, currency: c.currency } })),
  fc.record({ id: fc.nat(40), amount, currency }).map((d): AgreementCommand => ({
    type: 'RecordDisbursement',
    data: { ...shorthand, disbursementId: `D-${d.id}`, amount: d.amount, currency: d.currency },
  })),
);

describe('through the project-level shorthand, money released never exceeds money committed', () => {
  it('holds per currency for any sequence of accepted commands, and the agreement is opened exactly once', () => {
    let runsWithAcceptedDisbursements = 0;
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        let state = agreementDecider.initialState();
        const accepted: AgreementEvent[] = [];
        for (const next of commands) {
          try {
            const events = agreementDecider.decide(next, state, context);
            accepted.push(...events);
            state = events.reduce(agreementDecider.evolve, state);
          } catch (error) {
            if (!(error instanceof DomainRuleViolation)) throw error;
          }
        }
        // Recount from the accepted events themselves, not from the state the rules used.
        const totals = new Map<string, { committed: bigint; received: bigint }>();
        for (const event of accepted) {
          if (event.type !== 'AgreementCommitmentRecorded' && event.type !== 'FundsReceived') continue;
          const { currency: code, minorUnits } = parseMoney(event.data);
          const total = totals.get(code) ?? { committed: 0n, received: 0n };
          if (event.type === 'AgreementCommitmentRecorded') total.committed += minorUnits;
          else total.received += minorUnits;
          totals.set(code, total);
        }
        for (const total of totals.values()) expect(total.received <= total.committed).toBe(true);
        const openings = accepted.filter((event) => event.type === 'AgreementOpened').length;
        expect(openings).toBe(accepted.length > 0 ? 1 : 0);
        if (accepted.length > 0) expect(accepted[0]!.type).toBe('AgreementOpened');
        if (accepted.some((event) => event.type === 'FundsReceived')) runsWithAcceptedDisbursements += 1;
      }),
      { numRuns: 300 },
    );
    // The property is only worth something if disbursements do get accepted.
    expect(runsWithAcceptedDisbursements).toBeGreaterThan(30);
  });
});
