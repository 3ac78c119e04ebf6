import { decisions, given, meeting, met, registered, event } from '../test-support/programme-fixtures.js';

describe('governance refusals', () => {
  it('name the meeting, decision, body or number', () => {
    given([registered, met])
      .when(meeting())
      .thenThrows('DUPLICATE_MEETING_ID', { message: 'Meeting IGC-12 is already recorded', details: { meetingId: 'IGC-12' } });
    given([registered, met])
      .when(meeting({ meetingId: 'IGC-13', decisions: [decisions[1]] }))
      .thenThrows('DUPLICATE_DECISION_ID', {
        message: 'Decision IGC12-D2 is already recorded',
        details: { decisionId: 'IGC12-D2' },
      });
    given([registered])
      .when(meeting({ decisions: [] }))
      .thenThrows('DECISIONS_REQUIRED', { message: 'A meeting is recorded with at least one decision', details: {} });
    given([registered])
      .when(meeting({ decisions: [{ decisionId: 'D', text: ' ', kind: 'other' }] }))
      .thenThrows('DECISION_TEXT_REQUIRED', { message: 'Decision D needs its text', details: { decisionId: 'D' } });
    given([registered])
      .when(meeting({ decisions: [{ decisionId: 'D', text: 'x', kind: 'decree' }] }))
      .thenThrows('UNKNOWN_DECISION_KIND', {
        message: '"decree" is not a kind of decision',
        details: { decisionId: 'D', kind: 'decree', allowed: ['protocol', 'roadmap', 'memorandum', 'other'] },
      });
    given([registered])
      .when(meeting({ body: 'cabinet' }))
      .thenThrows('UNKNOWN_GOVERNANCE_BODY', {
        message: '"cabinet" is not a governance body',
        details: { body: 'cabinet', allowed: ['igc', 'subcommittee', 'working-group'] },
      });
    given([registered])
      .when(meeting({ meetingNumber: -1 }))
      .thenThrows('MEETING_NUMBER_INVALID', { message: 'A meeting number is a positive whole number', details: { meetingNumber: -1 } });
    given([registered])
      .when(meeting({ place: ' ' }))
      .thenThrows('MEETING_PLACE_REQUIRED', { message: 'A meeting needs the place it was held', details: { meetingId: 'IGC-12' } });
  });
});

describe('RecordGovernanceMeeting', () => {
  it('records a meeting with its decisions, effective on the meeting date', () => {
    given([registered]).when(meeting()).then([met]);
  });

  it('records a working group meeting without a number', () => {
    const decision = [{ decisionId: 'TWG6-D1', text: 'Share BCP designs', kind: 'other' }];
    given([registered])
      .when(
        meeting({
          meetingId: 'TWG-6',
          body: 'working-group',
          bodyName: 'Transport & Infrastructure',
          meetingNumber: undefined,
          date: '2025-03-28',
          decisions: decision,
        }),
      )
      .then([
        event('GovernanceMeetingRecorded', {
          effectiveDate: '2025-03-28',
          meetingId: 'TWG-6',
          body: 'working-group',
          bodyName: 'Transport & Infrastructure',
          date: '2025-03-28',
          place: 'Bishkek',
          decisions: decision,
        }),
      ]);
  });

  it('rejects a meeting id or decision id recorded before, and a decision id repeated in the meeting', () => {
    given([registered, met]).when(meeting()).thenThrows('DUPLICATE_MEETING_ID');
    given([registered, met])
      .when(meeting({ meetingId: 'IGC-13', decisions: [decisions[0]] }))
      .thenThrows('DUPLICATE_DECISION_ID');
    given([registered])
      .when(meeting({ decisions: [decisions[0], decisions[0]] }))
      .thenThrows('DUPLICATE_DECISION_ID');
  });

  it('rejects no decisions, a decision without text or of an unknown kind', () => {
    given([registered])
      .when(meeting({ decisions: [] }))
      .thenThrows('DECISIONS_REQUIRED');
    given([registered])
      .when(meeting({ decisions: [{ decisionId: 'D', text: ' ', kind: 'other' }] }))
      .thenThrows('DECISION_TEXT_REQUIRED');
    given([registered])
      .when(meeting({ decisions: [{ decisionId: 'D', text: 'x', kind: 'resolution' }] }))
      .thenThrows('UNKNOWN_DECISION_KIND');
  });

  it('rejects an unknown body, a bad meeting number, a future date, no place, or no programme', () => {
    given([registered])
      .when(meeting({ body: 'cabinet' }))
      .thenThrows('UNKNOWN_GOVERNANCE_BODY');
    given([registered])
      .when(meeting({ meetingNumber: 0 }))
      .thenThrows('MEETING_NUMBER_INVALID');
    given([registered])
      .when(meeting({ meetingNumber: 12.5 }))
      .thenThrows('MEETING_NUMBER_INVALID');
    given([registered])
      .when(meeting({ date: '2026-11-27' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
    given([registered])
      .when(meeting({ place: '' }))
      .thenThrows('MEETING_PLACE_REQUIRED');
    given([]).when(meeting()).thenThrows('PROGRAMME_NOT_FOUND');
  });
});
