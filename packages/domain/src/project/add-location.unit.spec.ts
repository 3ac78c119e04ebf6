import { given, projectRegistered } from '../test-support/project-fixtures.js';
import { projectCommand, projectEvent } from '../test-support/project-lifecycle-fixtures.js';

const registered = projectRegistered();

describe('AddLocation', () => {
  const karasu = { locationId: 'BCP-KARASU', name: 'Karasu BCP', point: { latitude: 43.05, longitude: 74.63 } };

  it('records a location with its point', () => {
    given([registered])
      .when(projectCommand('AddLocation', karasu))
      .then([projectEvent('LocationAdded', karasu)]);
  });

  it('rejects the same location id twice', () => {
    given([registered, projectEvent('LocationAdded', karasu)])
      .when(projectCommand('AddLocation', karasu))
      .thenThrows('DUPLICATE_LOCATION_ID');
  });

  it('rejects a location without a name', () => {
    given([registered])
      .when(projectCommand('AddLocation', { ...karasu, name: '  ' }))
      .thenThrows('LOCATION_NAME_REQUIRED');
  });

  it.each([
    [91, 74],
    [43, -181],
    [Number.NaN, 0],
  ])('rejects the point %d, %d', (latitude, longitude) => {
    given([registered])
      .when(projectCommand('AddLocation', { ...karasu, point: { latitude, longitude } }))
      .thenThrows('COORDINATES_OUT_OF_RANGE');
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

describe('identifier, participant and location refusals', () => {
  it('a location recorded twice, unnamed, or off the globe', () => {
    const karasu = { locationId: 'BCP-KARASU', name: 'Karasu BCP' };
    given([registered, projectEvent('LocationAdded', karasu)])
      .when(projectCommand('AddLocation', karasu))
      .thenThrows('DUPLICATE_LOCATION_ID', {
        message: 'Location BCP-KARASU is already recorded',
        details: { locationId: 'BCP-KARASU' },
      });
    given([registered])
      .when(projectCommand('AddLocation', { ...karasu, name: ' ' }))
      .thenThrows('LOCATION_NAME_REQUIRED', { message: 'A location needs a name', details: { locationId: 'BCP-KARASU' } });
    given([registered])
      .when(projectCommand('AddLocation', { ...karasu, point: { latitude: 90.5, longitude: -180.5 } }))
      .thenThrows('COORDINATES_OUT_OF_RANGE', {
        message: 'Latitude is -90 to 90 and longitude -180 to 180 degrees',
        details: { latitude: '90.5', longitude: '-180.5' },
      });
  });
});
