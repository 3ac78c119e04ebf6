import type { Decider } from '../decider/decider.js';
import { DomainRuleViolation } from '../decider/domain-rule-violation.js';

/** Thrown when a Given/When/Then expectation fails; test runners show its message. */
export class DeciderSpecificationFailure extends Error {
  override readonly name = 'DeciderSpecificationFailure';
}

export interface DeciderThen<E> {
  /** The command leads to exactly these events (compared as the JSON they will be stored as). */
  then(expectedEvents: readonly E[]): void;
  /** The command is rejected with this rule code; returns the violation for further checks. */
  thenThrows(code: string): DomainRuleViolation;
}

export interface DeciderWhen<C, E, Ctx> {
  when(command: C, context?: Ctx): DeciderThen<E>;
}

/**
 * Given/When/Then for a pure decider, with no test framework dependency:
 *
 *   const given = deciderSpecification(projectDecider, { today: '2025-06-30' });
 *   given([registered]).when(approveProject).then([projectApproved]);
 *   given([]).when(approveProject).thenThrows('PROJECT_NOT_FOUND');
 */
export function deciderSpecification<C, E, S, Ctx>(
  decider: Decider<C, E, S, Ctx>,
  defaultContext: Ctx,
): (givenEvents: readonly E[]) => DeciderWhen<C, E, Ctx> {
  return (givenEvents) => ({
    when(command, context = defaultContext) {
      const run = () => decider.decide(command, givenEvents.reduce(decider.evolve, decider.initialState()), context);
      return {
        then(expectedEvents) {
          // Guards against `await given(...).when(...)`, which would call this as a thenable.
          if (typeof expectedEvents === 'function') {
            throw new DeciderSpecificationFailure('call .then(expectedEvents) or .thenThrows(code); do not await the specification');
          }
          const actual = run();
          if (canonicalJson(actual) !== canonicalJson(expectedEvents)) {
            throw new DeciderSpecificationFailure(
              `Expected events:\n${pretty(expectedEvents)}\nbut decide returned:\n${pretty(actual)}`,
            );
          }
          // Whatever decide emits, evolve must be able to apply.
          actual.reduce(decider.evolve, givenEvents.reduce(decider.evolve, decider.initialState()));
        },
        thenThrows(code) {
          let actual: E[];
          try {
            actual = run();
          } catch (error) {
            if (!(error instanceof DomainRuleViolation)) throw error;
            if (error.code !== code) {
              throw new DeciderSpecificationFailure(`Expected rule ${code} but got ${error.code}: ${error.message}`);
            }
            return error;
          }
          throw new DeciderSpecificationFailure(`Expected rule ${code} but decide returned:\n${pretty(actual)}`);
        },
      };
    },
  });
}

/** JSON with object keys sorted, so key order does not matter but everything else does. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner !== null && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : inner,
  );
}

function pretty(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
