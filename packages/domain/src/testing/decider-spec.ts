import type { Decider } from '../decider/decider.js';
import { DomainRuleViolation, type JsonValue } from '../decider/domain-rule-violation.js';

/** Thrown when a Given/When/Then expectation fails; test runners show its message. */
export class DeciderSpecificationFailure extends Error {
  override readonly name = 'DeciderSpecificationFailure';
}

export interface DeciderThen<E> {
  /** The command leads to exactly these events (compared as the JSON they will be stored as). */
  then(expectedEvents: readonly E[]): void;
  /**
   * The command is rejected with this rule code and, where given, exactly this message, details or details.field
   * (what an API client sees); returns the violation for further checks.
   */
  thenThrows(code: string, expected?: ExpectedViolation): DomainRuleViolation;
}

/** What a rejection tells the client beyond its code; each part given is compared exactly. */
export interface ExpectedViolation {
  readonly message?: string;
  /** The whole details object (compared as JSON, key order aside). */
  readonly details?: Readonly<Record<string, JsonValue>>;
  /** `details.field` alone: the input the rule is about. */
  readonly field?: string;
}

/**
 * Test tooling may listen to the rule codes that Given/When/Then tests expected and saw thrown (the domain's jest
 * setup records them, so a run can prove that every rule code is exercised). Keyed on the global object so that one
 * listener serves every copy of this module a test runner loads.
 */
const EXPECTED_RULE_LISTENER = Symbol.for('ecab.domain.expectedRuleThrown');

export function onExpectedRuleThrown(listener: ((code: string) => void) | undefined): void {
  (globalThis as Record<symbol, unknown>)[EXPECTED_RULE_LISTENER] = listener;
}

function expectedRuleThrown(code: string): void {
  const listener = (globalThis as Record<symbol, unknown>)[EXPECTED_RULE_LISTENER];
  if (typeof listener === 'function') listener(code);
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
export function deciderSpecification<C, E, S, Ctx>(decider: Decider<C, E, S, Ctx>, defaultContext: Ctx): (givenEvents: readonly E[]) => DeciderWhen<C, E, Ctx> {
  return (givenEvents) => ({
    when(command, context = defaultContext) {
      const run = () => decider.decide(command, givenEvents.reduce(decider.evolve, decider.initialState()), context);
      return {
        // oxlint-disable-next-line unicorn/no-thenable -- the Given/When/Then API's own `then`; awaiting it is refused below
        then(expectedEvents) {
          // Guards against `await given(...).when(...)`, which would call this as a thenable.
          if (typeof expectedEvents === 'function') {
            throw new DeciderSpecificationFailure('call .then(expectedEvents) or .thenThrows(code); do not await the specification');
          }
          const actual = run();
          if (canonicalJson(actual) !== canonicalJson(expectedEvents)) {
            throw new DeciderSpecificationFailure(`Expected events:\n${pretty(expectedEvents)}\nbut decide returned:\n${pretty(actual)}`);
          }
          // Events are plain JSON: a field is there with a value, or not there (JSON would drop an undefined one).
          const undefinedAt = undefinedFieldPath(actual, '');
          if (undefinedAt !== undefined) {
            throw new DeciderSpecificationFailure(`decide returned an event with an undefined field at ${undefinedAt}; leave the field out instead`);
          }
          // Whatever decide emits, evolve must be able to apply.
          actual.reduce(decider.evolve, givenEvents.reduce(decider.evolve, decider.initialState()));
        },
        thenThrows(code, expected = {}) {
          return expectRejection(run, code, expected, 'decide');
        },
      };
    },
  });
}

/**
 * For the few rules checked outside a decider (e.g. choosing the agreement a project-level shorthand acts on): the
 * call is rejected with this rule code and, where given, exactly this message, details or field, as thenThrows checks.
 */
export function expectRuleViolation(call: () => unknown, code: string, expected: ExpectedViolation = {}): DomainRuleViolation {
  return expectRejection(call, code, expected, 'the call');
}

function expectRejection(call: () => unknown, code: string, expected: ExpectedViolation, caller: string): DomainRuleViolation {
  let returned: unknown;
  try {
    returned = call();
  } catch (error) {
    if (!(error instanceof DomainRuleViolation)) throw error;
    if (error.code !== code) throw new DeciderSpecificationFailure(`Expected rule ${code} but got ${error.code}: ${error.message}`);
    checkViolation(error, expected);
    expectedRuleThrown(code);
    return error;
  }
  throw new DeciderSpecificationFailure(`Expected rule ${code} but ${caller} returned:\n${pretty(returned)}`);
}

function checkViolation(violation: DomainRuleViolation, expected: ExpectedViolation): void {
  const { code } = violation;
  if (expected.message !== undefined && violation.message !== expected.message) {
    throw new DeciderSpecificationFailure(`Expected rule ${code} with message\n  ${expected.message}\nbut its message is\n  ${violation.message}`);
  }
  if (expected.details !== undefined && canonicalJson(violation.details) !== canonicalJson(expected.details)) {
    throw new DeciderSpecificationFailure(
      `Expected rule ${code} with details:\n${pretty(expected.details)}\nbut its details are:\n${pretty(violation.details)}`,
    );
  }
  if (expected.field !== undefined && violation.details?.['field'] !== expected.field) {
    throw new DeciderSpecificationFailure(`Expected rule ${code} about field ${expected.field} but its details are:\n${pretty(violation.details)}`);
  }
}

/** Where in `value` an object has a field whose value is undefined (`[0].data.closingDate`), if anywhere. */
function undefinedFieldPath(value: unknown, path: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (inner === undefined) return at;
    const deeper = undefinedFieldPath(inner, at);
    if (deeper !== undefined) return deeper;
  }
  return undefined;
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
