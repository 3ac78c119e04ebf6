import { DomainRuleViolation } from '@ecab/domain';
import { WrongExpectedVersionError } from '@ecab/event-store';
import { mapDomainProblems } from './domain-problems.js';

const statusOf = (error: unknown) => mapDomainProblems(error)?.problem.status;

describe('domain problems as HTTP answers', () => {
  it.each([
    ['PROJECT_ALREADY_REGISTERED', 409],
    ['PROGRAMME_ALREADY_REGISTERED', 409],
    ['ORGANISATION_ALREADY_REGISTERED', 409],
    ['AGREEMENT_ALREADY_SIGNED', 409],
    ['CONTRACT_PACKAGE_ALREADY_PLANNED', 409],
    ['DUPLICATE_LOCATION_ID', 409],
    ['DUPLICATE_BUDGET_ID', 409],
    ['DUPLICATE_DOCUMENT_ID', 409],
    ['BUDGETS_OVERLAP', 422],
    ['PROJECT_NOT_FOUND', 404],
    ['MILESTONE_NOT_FOUND', 404],
    ['PROJECT_ALREADY_APPROVED', 422],
    ['STATUS_TRANSITION_NOT_ALLOWED', 422],
    ['FUNDS_RECEIVED_EXCEED_COMMITMENT', 422],
    ['FINANCIER_AGREEMENT_AMBIGUOUS', 422],
  ])('%s → %i', (code, status) => {
    expect(statusOf(new DomainRuleViolation(code, 'refused', {}))).toBe(status);
  });

  it('names the broken rule in a 422', () => {
    expect(mapDomainProblems(new DomainRuleViolation('STATUS_TERMINAL', 'Status 4 is terminal', {}))?.problem).toMatchObject({
      status: 422,
      code: 'STATUS_TERMINAL',
      detail: 'Status 4 is terminal',
    });
  });

  it('answers a version conflict with 409 and both versions', () => {
    expect(mapDomainProblems(new WrongExpectedVersionError('agreement-A', 2, 3))?.problem).toMatchObject({ status: 409, expectedVersion: 2, actualVersion: 3 });
  });

  it('leaves other errors to the next mapper', () => {
    expect(mapDomainProblems(new Error('boom'))).toBeUndefined();
  });
});
