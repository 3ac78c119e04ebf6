import { DomainRuleViolation } from '../decider/domain-rule-violation.js';
import type { Decider } from '../decider/decider.js';
import { DeciderSpecificationFailure, deciderSpecification, expectRuleViolation } from './decider-spec.js';

// A counter that refuses to go above 2: the smallest decider that has a rule.
type Increment = { type: 'Increment'; data: { by: number } };
type Incremented = { type: 'Incremented'; data: { by: number } };
const counter: Decider<Increment, Incremented, number, { limit: number }> = {
  initialState: () => 0,
  evolve: (total, event) => total + event.data.by,
  decide: (command, total, { limit }) => {
    if (total + command.data.by > limit) throw new DomainRuleViolation('LIMIT_EXCEEDED', 'too much', { field: 'by', limit, total });
    return [{ type: 'Incremented', data: { by: command.data.by } }];
  },
};
const given = deciderSpecification(counter, { limit: 2 });
const increment = (by: number): Increment => ({ type: 'Increment', data: { by } });
const incremented = (by: number): Incremented => ({ type: 'Incremented', data: { by } });

describe('deciderSpecification', () => {
  it('passes when decide returns the expected events, whatever the key order', () => {
    given([incremented(1)])
      .when(increment(1))
      .then([{ data: { by: 1 }, type: 'Incremented' }]);
  });

  it('fails, showing both lists, when the events differ', () => {
    expect(() =>
      given([])
        .when(increment(1))
        .then([incremented(2)]),
    ).toThrow(DeciderSpecificationFailure);
    expect(() => given([]).when(increment(1)).then([])).toThrow(/Expected events:\n\[\]\nbut decide returned/);
  });

  it('returns the violation when the expected rule is broken', () => {
    const violation = given([incremented(2)])
      .when(increment(1))
      .thenThrows('LIMIT_EXCEEDED');
    expect(violation.message).toBe('too much');
  });

  it('checks the message, details and field a client sees, each where given', () => {
    const over = given([incremented(2)]).when(increment(1));
    over.thenThrows('LIMIT_EXCEEDED', { message: 'too much', details: { total: 2, limit: 2, field: 'by' }, field: 'by' });
    expect(() => over.thenThrows('LIMIT_EXCEEDED', { message: '' })).toThrow(/with message\n {2}\nbut its message is\n {2}too much/);
    expect(() => over.thenThrows('LIMIT_EXCEEDED', { details: { field: 'by', limit: 2 } })).toThrow(/with details:[^]*but its details are:[^]*"total": 2/);
    expect(() => over.thenThrows('LIMIT_EXCEEDED', { details: { field: 'by', limit: 2, total: 2, extra: 1 } })).toThrow(DeciderSpecificationFailure);
    expect(() => over.thenThrows('LIMIT_EXCEEDED', { field: 'total' })).toThrow(/about field total/);
  });

  it('fails when another rule is broken, or none', () => {
    expect(() =>
      given([incremented(2)])
        .when(increment(1))
        .thenThrows('OTHER'),
    ).toThrow(/Expected rule OTHER but got LIMIT_EXCEEDED/);
    expect(() => given([]).when(increment(1)).thenThrows('LIMIT_EXCEEDED')).toThrow(
      /Expected rule LIMIT_EXCEEDED but decide returned:\n\[\n {2}\{\n {4}"type": "Incremented"/,
    );
  });

  it('checks a rule of a plain function the same way', () => {
    const limited = (by: number) => counter.decide(increment(by), 0, { limit: 2 });
    expect(expectRuleViolation(() => limited(3), 'LIMIT_EXCEEDED', { message: 'too much', field: 'by' }).details).toEqual({ field: 'by', limit: 2, total: 0 });
    expect(() => expectRuleViolation(() => limited(1), 'LIMIT_EXCEEDED')).toThrow(/Expected rule LIMIT_EXCEEDED but the call returned/);
    expect(() => expectRuleViolation(() => limited(3), 'OTHER')).toThrow(/Expected rule OTHER but got LIMIT_EXCEEDED: too much/);
    expect(() => expectRuleViolation(() => limited(3), 'LIMIT_EXCEEDED', { details: {} })).toThrow(DeciderSpecificationFailure);
  });

  it('lets errors that are not rule violations through', () => {
    const broken = deciderSpecification(
      {
        ...counter,
        decide: () => {
          throw new TypeError('bug');
        },
      },
      { limit: 2 },
    );
    expect(() => broken([]).when(increment(1)).thenThrows('LIMIT_EXCEEDED')).toThrow(TypeError);
  });

  it('fails when an event has a field whose value is undefined, which JSON would silently drop', () => {
    const sloppy = deciderSpecification(
      { ...counter, decide: () => [{ type: 'Incremented', data: { by: 1, note: undefined } } as unknown as Incremented] },
      { limit: 2 },
    );
    expect(() =>
      sloppy([])
        .when(increment(1))
        .then([incremented(1)]),
    ).toThrow('decide returned an event with an undefined field at [0].data.note; leave the field out instead');
  });

  it('uses the context passed to when() over the default one', () => {
    given([incremented(2)])
      .when(increment(1), { limit: 3 })
      .then([incremented(1)]);
  });

  it('refuses to be awaited, which would silently assert nothing', async () => {
    await expect(Promise.resolve(given([]).when(increment(1)))).rejects.toThrow(/do not await/);
  });
});
