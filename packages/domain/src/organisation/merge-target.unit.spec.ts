import type { Decider } from '../decider/decider.js';
import { context } from '../test-support/decision-context.js';
import { deciderSpecification } from '../testing/decider-spec.js';
import type { OrganisationEvent, OrganisationMerged } from './events.js';
import { requireMergeTarget } from './merge-target.js';
import { evolveOrganisation, initialOrganisationState, type OrganisationState } from './organisation-state.js';

// The executor's step, as a decider: given the events of the organisation a merger names, when the merger was decided
// on the merged organisation's stream, then it is stored as it is, or refused.
type Checking = { type: 'CheckMergeTarget'; data: { merged: OrganisationMerged } };
const mergeTarget: Decider<Checking, OrganisationEvent, OrganisationState, typeof context> = {
  initialState: initialOrganisationState,
  evolve: evolveOrganisation,
  decide: ({ data }, target) => {
    requireMergeTarget(data.merged, target);
    return [data.merged];
  },
};
const given = deciderSpecification(mergeTarget, context);
const names = { en: 'Ministry of Trade and Integration of Kazakhstan' };
const type = { code: '10', codelist: 'OrganisationType', version: '2.03' };
const target = (data: object = {}) =>
  ({ type: 'OrganisationRegistered', data: { organisationId: 'KZ-MTI', effectiveDate: '2019-06-17', names, type, ...data } }) as OrganisationEvent;
const merged = (effectiveDate = '2024-01-01'): OrganisationMerged => ({
  type: 'OrganisationMerged',
  data: { organisationId: 'KZ-MNE', effectiveDate, intoOrganisationId: 'KZ-MTI' },
});
const checking = (effectiveDate?: string): Checking => ({ type: 'CheckMergeTarget', data: { merged: merged(effectiveDate) } });
const about = { field: 'intoOrganisationId', organisationId: 'KZ-MNE', intoOrganisationId: 'KZ-MTI' };

describe('the organisation a merger names', () => {
  it('must be registered', () => {
    given([])
      .when(checking())
      .thenThrows('MERGE_TARGET_NOT_REGISTERED', { message: 'Organisation KZ-MTI is not registered; register it before merging into it', details: about });
  });

  it('must not be merged itself: the merger names its successor', () => {
    const mergedOn = {
      type: 'OrganisationMerged',
      data: { organisationId: 'KZ-MTI', effectiveDate: '2023-06-01', intoOrganisationId: 'KZ-MTIE' },
    } as OrganisationEvent;
    given([target(), mergedOn])
      .when(checking())
      .thenThrows('MERGE_TARGET_MERGED', {
        message: 'Organisation KZ-MTI was itself merged into KZ-MTIE; merge into that one',
        details: { ...about, mergedInto: 'KZ-MTIE' },
      });
  });

  it('must be registered by the day of the merger, the same day included', () => {
    given([target()])
      .when(checking('2019-06-16'))
      .thenThrows('MERGE_BEFORE_TARGET_REGISTERED', {
        message: 'Organisation KZ-MTI is registered from 2019-06-17, after this merger (2019-06-16)',
        details: { ...about, effectiveDate: '2019-06-16', registeredOn: '2019-06-17' },
      });
    given([target()])
      .when(checking('2019-06-17'))
      .then([merged('2019-06-17')]);
  });
});
