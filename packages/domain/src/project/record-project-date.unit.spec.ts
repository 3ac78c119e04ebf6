import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { dateRecorded, projectCommand, dateType, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();
const record = (dateType: string, date: string) => projectCommand('RecordProjectDate', { dateType, date });

const started = dateRecorded('2', '2025-01-15', '2025-01-15');

describe('a start comes before its end', () => {
  it('checks a start recorded after its end, planned and actual', () => {
    given([registered, dateRecorded('3', '2025-06-30')])
      .when(record('1', '2025-07-01'))
      .thenThrows('PROJECT_START_NOT_BEFORE_END', {
        details: { dateType: '1', start: '2025-07-01', end: '2025-06-30' },
      });
    given([registered, dateRecorded('4', '2025-06-30', '2025-06-30')])
      .when(record('2', '2025-07-01'))
      .thenThrows('PROJECT_START_NOT_BEFORE_END', {
        details: { dateType: '2', start: '2025-07-01', end: '2025-06-30' },
      });
  });

  it('checks an end recorded after its start', () => {
    given([registered, dateRecorded('1', '2025-06-30')])
      .when(record('3', '2025-06-29'))
      .thenThrows('PROJECT_START_NOT_BEFORE_END', {
        details: { dateType: '3', start: '2025-06-30', end: '2025-06-29' },
      });
    given([registered, dateRecorded('2', '2025-06-30', '2025-06-30')])
      .when(record('4', '2025-06-30'))
      .thenThrows('PROJECT_START_NOT_BEFORE_END', {
        details: { dateType: '4', start: '2025-06-30', end: '2025-06-30' },
      });
  });

  it('accepts a start the day before its end, either recorded first', () => {
    given([registered, dateRecorded('3', '2025-06-30')])
      .when(record('1', '2025-06-29'))
      .then([dateRecorded('1', '2025-06-29')]);
    given([registered, dateRecorded('1', '2025-06-29')])
      .when(record('3', '2025-06-30'))
      .then([dateRecorded('3', '2025-06-30')]);
    given([registered, dateRecorded('2', '2025-06-29', '2025-06-29')])
      .when(record('4', '2025-06-30'))
      .then([dateRecorded('4', '2025-06-30', '2025-06-30')]);
  });

  it('pairs planned with planned and actual with actual only', () => {
    given([registered, dateRecorded('4', '2025-01-01', '2025-01-01')])
      .when(record('1', '2025-06-01'))
      .then([dateRecorded('1', '2025-06-01')]);
    given([registered, dateRecorded('3', '2025-01-01')])
      .when(record('2', '2025-06-01'))
      .then([dateRecorded('2', '2025-06-01', '2025-06-01')]);
    given([registered, dateRecorded('1', '2026-01-01')])
      .when(record('4', '2025-06-01'))
      .then([dateRecorded('4', '2025-06-01', '2025-06-01')]);
    given([registered, dateRecorded('2', '2026-01-01', '2026-01-01')])
      .when(record('3', '2025-06-01'))
      .then([dateRecorded('3', '2025-06-01')]);
  });

  it('takes an actual start as effective on its date, unless told otherwise', () => {
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '2', date: '2025-01-15', effectiveDate: '2025-02-01' }))
      .then([dateRecorded('2', '2025-01-15', '2025-02-01')]);
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '1', date: '2025-01-15', effectiveDate: '2025-02-01' }))
      .then([dateRecorded('1', '2025-01-15', '2025-02-01')]);
  });
});

describe('RecordProjectDate', () => {
  it('records a planned date, effective today', () => {
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '3', date: '2027-11-30' }))
      .then([dateRecorded('3', '2027-11-30')]);
  });

  it('records an actual date as effective on that date', () => {
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '2', date: '2025-01-15' }))
      .then([started]);
  });

  it('keeps the source of a date', () => {
    const source = { citation: 'inform.kz, 21 Jan 2026', date: '2026-01-21', confidence: 'confirmed' as const };
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '3', date: '2026-11-30', source }))
      .then([projectEvent('ProjectDateRecorded', { dateType: dateType('3'), date: '2026-11-30', source })]);
  });

  it('rejects an actual date in the future', () => {
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '4', date: '2026-11-27' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
  });

  it('rejects a date type outside 1–4 and a date that does not exist', () => {
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '5', date: '2025-01-01' }))
      .thenThrows('CODE_NOT_IN_LIST');
    given([registered])
      .when(projectCommand('RecordProjectDate', { dateType: '1', date: '2025-02-29' }))
      .thenThrows('DATE_INVALID');
  });

  it('rejects a start that is not before its end, planned and actual alike', () => {
    given([registered, dateRecorded('3', '2025-01-01')])
      .when(projectCommand('RecordProjectDate', { dateType: '1', date: '2025-01-01' }))
      .thenThrows('PROJECT_START_NOT_BEFORE_END');
    given([registered, started])
      .when(projectCommand('RecordProjectDate', { dateType: '4', date: '2024-12-31' }))
      .thenThrows('PROJECT_START_NOT_BEFORE_END');
  });

  it('rejects a source without citation, with an unknown confidence, or dated in the future', () => {
    const record = (source: object) => projectCommand('RecordProjectDate', { dateType: '1', date: '2027-01-01', source: source as never });
    given([registered])
      .when(record({ citation: ' ', confidence: 'confirmed' }))
      .thenThrows('SOURCE_CITATION_REQUIRED');
    given([registered])
      .when(record({ citation: 'x', confidence: 'likely' }))
      .thenThrows('UNKNOWN_CONFIDENCE');
    given([registered])
      .when(record({ citation: 'x', confidence: 'confirmed', date: '2027-01-01' }))
      .thenThrows('ACTUAL_DATE_IN_FUTURE');
  });
});

describe('date and related-activity refusals', () => {
  it('a start not before its end gives both dates', () => {
    given([registered, dateRecorded('3', '2025-01-01')])
      .when(projectCommand('RecordProjectDate', { dateType: '1', date: '2025-01-01' }))
      .thenThrows('PROJECT_START_NOT_BEFORE_END', {
        message: 'The start (2025-01-01) must be before the end (2025-01-01)',
        details: { dateType: '1', start: '2025-01-01', end: '2025-01-01' },
      });
  });
});
