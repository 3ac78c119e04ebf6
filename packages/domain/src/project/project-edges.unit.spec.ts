import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { coded, dateRecorded, projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';
import { evolveProject, initialProjectState } from './project-state.js';

// The edges of the project's rules: which recorded date a new one is checked against, which links count as the one
// parent, and where the globe ends.

const registered = projectRegistered();
const record = (dateType: string, date: string) => projectCommand('RecordProjectDate', { dateType, date });

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

describe('related activities', () => {
  const link = (relatedActivityId: string, relationType: string, checkpoint?: string) =>
    projectCommand('LinkRelatedActivity', { relatedActivityId, relationType, ...(checkpoint !== undefined ? { checkpoint } : {}) });
  const linked = (relatedActivityId: string, relationType: string, checkpoint?: string) =>
    projectEvent('RelatedActivityLinked', {
      relatedActivityId,
      relationType: coded('RelatedActivityType', relationType),
      ...(checkpoint ? { checkpoint } : {}),
    });
  it('refuses only a second parent: children and siblings may follow a parent, and a parent them', () => {
    const withParent = [registered, linked('ECAB-PROG', '1')];
    given(withParent)
      .when(link('ECAB-TR-02', '3'))
      .then([linked('ECAB-TR-02', '3')]);
    given(withParent)
      .when(link('KARASU', '2'))
      .then([linked('KARASU', '2')]);
    given([registered, linked('ECAB-TR-02', '3'), linked('KARASU', '2')])
      .when(link('ECAB-PROG', '1'))
      .then([linked('ECAB-PROG', '1')]);
  });
  it('keeps one child per checkpoint, trimmed, and any number of checkpoints', () => {
    given([registered, linked('KARASU', '2', 'Karasu')])
      .when(link('AK-ZHOL', '2', ' Ak-Zhol '))
      .then([linked('AK-ZHOL', '2', 'Ak-Zhol')]);
    given([registered, linked('KARASU', '2', 'Karasu')])
      .when(link('KARASU-2', '2'))
      .then([linked('KARASU-2', '2')]);
  });
  it('knows the project by its IATI identifier too', () => {
    const assigned = projectEvent('ProjectIdentifierAssigned', { iatiIdentifier: 'XI-IATI-ECAB-TR-01', reportingOrgRef: 'XI-IATI-ECAB', localId: 'TR-01' });
    given([registered, assigned]).when(link('XI-IATI-ECAB-TR-01', '3')).thenThrows('RELATED_ACTIVITY_IS_SELF');
    given([registered]).when(link(' ', '3')).thenThrows('IDENTIFIER_INVALID', { field: 'relatedActivityId' });
  });
});

describe('locations', () => {
  const at = (latitude: number, longitude: number) => projectCommand('AddLocation', { locationId: 'P', name: 'Point', point: { latitude, longitude } });
  const added = (latitude: number, longitude: number) => projectEvent('LocationAdded', { locationId: 'P', name: 'Point', point: { latitude, longitude } });
  it.each([
    [90, 180],
    [-90, -180],
    [0, 0],
  ])('accepts the point %d, %d on the edge of the globe', (latitude, longitude) => {
    given([registered])
      .when(at(latitude, longitude))
      .then([added(latitude, longitude)]);
  });
  it.each([
    [90.000001, 0],
    [-90.000001, 0],
    [0, 180.000001],
    [0, -180.000001],
    [Number.POSITIVE_INFINITY, 0],
    [0, Number.NaN],
  ])('rejects the point %d, %d', (latitude, longitude) => {
    given([registered])
      .when(at(latitude, longitude))
      .thenThrows('COORDINATES_OUT_OF_RANGE', { details: { latitude: String(latitude), longitude: String(longitude) } });
  });
  it('keeps a trimmed name and description, and no point when none is given', () => {
    given([registered])
      .when(projectCommand('AddLocation', { locationId: 'P', name: ' Karasu BCP ', description: ' Border crossing ' }))
      .then([projectEvent('LocationAdded', { locationId: 'P', name: 'Karasu BCP', description: 'Border crossing' })]);
    given([registered])
      .when(projectCommand('AddLocation', { locationId: 'P', name: 'Karasu BCP', description: '  ' }))
      .then([projectEvent('LocationAdded', { locationId: 'P', name: 'Karasu BCP' })]);
    given([registered])
      .when(projectCommand('AddLocation', { locationId: ' ', name: 'Karasu BCP' }))
      .thenThrows('IDENTIFIER_INVALID', { field: 'locationId' });
  });
});

describe('evolve', () => {
  it('ignores what happens to a project before it is registered', () => {
    expect(evolveProject(initialProjectState(), projectEvent('ProjectPublished', { iatiIdentifier: 'XI-IATI-ECAB-TR-01' }))).toEqual({ exists: false });
    expect(evolveProject(initialProjectState(), dateRecorded('1', '2025-01-01'))).toEqual({ exists: false });
  });
});
