import type { PortfolioEvent } from '@ecab/contracts';
import { RECORDER_ROLE, toIntegrationEvent } from './integration-event.js';

const base = {
  schemaVersion: 1,
  streamVersion: 3,
  subject: 'ECAB-HE-01',
  cluster: 'health',
  time: '2025-03-01T10:00:00.000Z',
  actor: 'pm.health',
  correlationId: 'c-1',
  position: '42',
};
const event = (type: string, data: Record<string, unknown>): PortfolioEvent => ({ ...base, eventId: `e-${type}`, type, streamId: 'project-ECAB-HE-01', data });

describe('integration events', () => {
  it('a partner-facing event becomes its integration CloudEvent, without the user who recorded it', () => {
    const mapped = toIntegrationEvent(event('ProjectStatusChanged', { projectId: 'ECAB-HE-01', status: '2', effectiveDate: '2025-03-01' }), ['KZ', 'KG'])!;
    expect(mapped.cloudEvent).toMatchObject({
      specversion: '1.0',
      id: 'e-ProjectStatusChanged',
      type: 'ecab.project.status-changed.v1',
      subject: 'ECAB-HE-01',
      cluster: 'health',
      countries: 'KG,KZ',
      recorderrole: RECORDER_ROLE,
    });
    expect(JSON.stringify(mapped)).not.toContain('pm.health');
    expect(mapped.cloudEvent).not.toHaveProperty('illustrative');
    expect(mapped.scope).toEqual({ type: 'ecab.project.status-changed.v1', cluster: 'health', countries: ['KG', 'KZ'], illustrative: false });
  });

  it('internal events never become integration events', () => {
    for (const type of ['IssueRaised', 'RiskRegistered', 'ActualReported', 'ProjectTitlesSet', 'MilestonePlanned', 'SomethingUnknown']) {
      expect(toIntegrationEvent(event(type, {}), ['KG'])).toBeUndefined();
    }
  });

  it('an illustrative value is marked', () => {
    const mapped = toIntegrationEvent(
      event('ProjectDateRecorded', { dateType: '2', date: '2025-03-01', source: { citation: 'seed', confidence: 'illustrative' } }),
      ['KG'],
    )!;
    expect(mapped.cloudEvent.illustrative).toBe('true');
    expect(mapped.scope.illustrative).toBe(true);
  });

  it('a programme-wide event is of the programme scope, with no countries', () => {
    const mapped = toIntegrationEvent({ ...event('GovernanceMeetingRecorded', {}), cluster: undefined, subject: 'ECAB' }, [])!;
    expect(mapped.scope).toMatchObject({ cluster: 'programme', countries: [] });
  });
});
