import fc from 'fast-check';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import { parseMoney } from '../money/money.js';
import type { ProjectCommand } from './commands.js';
import { projectDecider } from './decide.js';
import type { ProjectEvent } from './events.js';
import { context, projectRegistered, recordCommitment, recordDisbursement } from '../test-support/project-fixtures.js';

const currency = fc.constantFrom('USD', 'KZT', 'JPY', 'KWD');
const amount = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 8n }).map(String),
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 6n }), fc.stringMatching(/^\d{1,3}$/)).map(([i, d]) => `${i}.${d}`),
);
const command: fc.Arbitrary<ProjectCommand> = fc.oneof(
  fc.record({ id: fc.nat(20), amount, currency }).map((c) => recordCommitment({ commitmentId: `C-${c.id}`, ...c })),
  fc.record({ id: fc.nat(40), amount, currency }).map((d) => recordDisbursement({ disbursementId: `D-${d.id}`, ...d })),
);

describe('disbursements never exceed commitments', () => {
  it('holds per currency for any sequence of accepted commands', () => {
    let runsWithAcceptedDisbursements = 0;
    fc.assert(
      fc.property(fc.array(command, { maxLength: 60 }), (commands) => {
        let state = projectDecider.evolve(projectDecider.initialState(), projectRegistered());
        const accepted: ProjectEvent[] = [];
        for (const next of commands) {
          try {
            const events = projectDecider.decide(next, state, context);
            accepted.push(...events);
            state = events.reduce(projectDecider.evolve, state);
          } catch (error) {
            if (!(error instanceof DomainRuleViolation)) throw error;
          }
        }
        // Recount from the accepted events themselves, not from the state the rules used.
        const totals = new Map<string, { committed: bigint; disbursed: bigint }>();
        for (const event of accepted) {
          if (event.type !== 'CommitmentRecorded' && event.type !== 'DisbursementRecorded') continue;
          const { currency: code, minorUnits } = parseMoney(event.data);
          const total = totals.get(code) ?? { committed: 0n, disbursed: 0n };
          if (event.type === 'CommitmentRecorded') total.committed += minorUnits;
          else total.disbursed += minorUnits;
          totals.set(code, total);
        }
        for (const total of totals.values()) expect(total.disbursed <= total.committed).toBe(true);
        if (accepted.some((event) => event.type === 'DisbursementRecorded')) runsWithAcceptedDisbursements += 1;
      }),
      { numRuns: 300 },
    );
    // The property is only worth something if disbursements do get accepted.
    expect(runsWithAcceptedDisbursements).toBeGreaterThan(30);
  });
});
