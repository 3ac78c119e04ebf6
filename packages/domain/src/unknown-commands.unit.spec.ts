import { agreementDecider } from './agreement/decide.js';
import { contractPackageDecider } from './contract-package/decide.js';
import type { Decider, DecisionContext } from './decider/decider.js';
import { exchangeRatesDecider } from './exchange-rates/decide.js';
import { milestonesDecider } from './milestones/decide.js';
import { organisationDecider } from './organisation/decide.js';
import { performanceReviewDecider } from './performance-review/decide.js';
import { programmeDecider } from './programme/decide.js';
import { projectDecider } from './project/decide.js';
import { resultsDecider } from './results/decide.js';

// A command type no decider knows is a programming error, not a rule: each decider says so, naming the aggregate and
// showing the command it was given.

const deciders: [string, Decider<never, unknown, unknown, DecisionContext>][] = [
  ['agreement', agreementDecider as never],
  ['contract package', contractPackageDecider as never],
  ['exchange-rates', exchangeRatesDecider as never],
  ['milestone', milestonesDecider as never],
  ['organisation', organisationDecider as never],
  ['performance review', performanceReviewDecider as never],
  ['programme', programmeDecider as never],
  ['project', projectDecider as never],
  ['results', resultsDecider as never],
];

describe.each(deciders)('the %s decider', (aggregate, decider) => {
  it('refuses a command type it does not know, naming it', () => {
    const command = { type: 'Teleport', data: { to: 'Bishkek' } } as never;
    const shown = '{"type":"Teleport","data":{"to":"Bishkek"}}';
    expect(() => decider.decide(command, decider.initialState(), { today: '2026-11-26' })).toThrow(new TypeError(`unknown ${aggregate} command ${shown}`));
  });
});
