import { metricSample } from './metrics.js';

const page = [
  '# HELP ecab_relay_backlog_events Events stored and not yet published',
  '# TYPE ecab_relay_backlog_events gauge',
  'ecab_relay_backlog_events{service="portfolio-api"} 17',
  'ecab_relay_backlog_events_total{service="portfolio-api"} 99',
  'ecab_attempts_total{endpoint="sub-1",outcome="accepted",service="partner-gateway"} 3',
  'ecab_attempts_total{endpoint="sub-1",outcome="failed",service="partner-gateway"} 2',
  'ecab_attempts_total{endpoint="sub-10",outcome="failed",service="partner-gateway"} 8',
  'ecab_quoted{path="a\\"b,c=\\"d\\"",service="x"} 1.5',
  'process_uptime_seconds 12.25',
].join('\n');

describe('metricSample', () => {
  it('reads the sample of a name, not of a longer name that starts with it', () => {
    expect(metricSample(page, 'ecab_relay_backlog_events')).toBe(17);
    expect(metricSample(page, 'ecab_relay_backlog_events_total')).toBe(99);
    expect(metricSample(page, 'process_uptime_seconds')).toBe(12.25);
  });

  it('matches labels exactly, whatever else the sample carries', () => {
    expect(metricSample(page, 'ecab_attempts_total', { endpoint: 'sub-1', outcome: 'failed' })).toBe(2);
    expect(metricSample(page, 'ecab_attempts_total', { endpoint: 'sub-10' })).toBe(8);
    expect(metricSample(page, 'ecab_quoted', { path: 'a"b,c="d"' })).toBe(1.5);
  });

  it('has no value when nothing matches, and refuses to choose between several', () => {
    expect(metricSample(page, 'ecab_attempts_total', { endpoint: 'sub-2' })).toBeUndefined();
    expect(metricSample(page, 'ecab_missing')).toBeUndefined();
    expect(() => metricSample(page, 'ecab_attempts_total', { endpoint: 'sub-1' })).toThrow(
      '2 samples of ecab_attempts_total match {"endpoint":"sub-1"}; name more labels',
    );
  });
});
