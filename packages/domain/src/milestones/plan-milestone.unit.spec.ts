import { given, command, event, planned } from '../test-support/milestones-fixtures.js';

describe('refusals name the milestone', () => {
  it('planned twice, of an unknown category, or other without a title', () => {
    given([planned])
      .when(command('PlanMilestone', { category: 'signing', baselineDate: '2027-01-01' }))
      .thenThrows('DUPLICATE_MILESTONE_ID', {
        message: 'Milestone FS-APPROVED is already planned',
        details: { milestoneId: 'FS-APPROVED' },
      });
    given([])
      .when(command('PlanMilestone', { category: 'groundbreaking', baselineDate: '2027-01-01' }))
      .thenThrows('UNKNOWN_MILESTONE_CATEGORY', {
        message: '"groundbreaking" is not a milestone category',
        details: {
          category: 'groundbreaking',
          allowed: ['fs-approved', 'board-approval', 'signing', 'effectiveness', 'contract-award', 'commissioning', 'other'],
        },
      });
    given([])
      .when(command('PlanMilestone', { category: 'other', baselineDate: '2027-01-01' }))
      .thenThrows('MILESTONE_TITLE_REQUIRED', {
        message: 'A milestone of category other needs a title',
        details: { milestoneId: 'FS-APPROVED' },
      });
  });
});

describe('what is recorded', () => {
  it('keeps a trimmed title, for other and any other category, and the source', () => {
    const source = { citation: 'ADB board calendar', confidence: 'confirmed' };
    given([])
      .when(command('PlanMilestone', { category: 'other', title: ' Land handed over ', baselineDate: '2027-01-01', source }))
      .then([event('MilestonePlanned', { category: 'other', title: 'Land handed over', baselineDate: '2027-01-01', source })]);
    given([])
      .when(command('PlanMilestone', { category: 'signing', title: '  ', baselineDate: '2027-01-01' }))
      .then([event('MilestonePlanned', { category: 'signing', baselineDate: '2027-01-01' })]);
    given([])
      .when(command('PlanMilestone', { category: 'signing', title: 'Loan signed', baselineDate: '2027-01-01' }))
      .then([event('MilestonePlanned', { category: 'signing', title: 'Loan signed', baselineDate: '2027-01-01' })]);
  });
});

describe('PlanMilestone', () => {
  it('plans a milestone with its baseline date', () => {
    given([])
      .when(command('PlanMilestone', { category: 'fs-approved', baselineDate: '2026-11-30' }))
      .then([planned]);
  });

  it('rejects a milestone id used before, an unknown category, and other without a title', () => {
    given([planned])
      .when(command('PlanMilestone', { category: 'signing', baselineDate: '2027-01-01' }))
      .thenThrows('DUPLICATE_MILESTONE_ID');
    given([])
      .when(command('PlanMilestone', { category: 'groundbreaking', baselineDate: '2027-01-01' }))
      .thenThrows('UNKNOWN_MILESTONE_CATEGORY');
    given([])
      .when(command('PlanMilestone', { category: 'other', title: ' ', baselineDate: '2027-01-01' }))
      .thenThrows('MILESTONE_TITLE_REQUIRED');
  });

  it('rejects a baseline date that does not exist', () => {
    given([])
      .when(command('PlanMilestone', { category: 'signing', baselineDate: '2027-02-29' }))
      .thenThrows('DATE_INVALID');
  });
});
