import { createMetricsRegistry, scrapedGauge } from './metrics.js';

describe('metrics', () => {
  it('reads scraped gauges at scrape time, with labels and the service label', async () => {
    const registry = createMetricsRegistry('portfolio-test');
    let lag = 7;
    scrapedGauge(registry, {
      name: 'ecab_test_lag',
      help: 'lag',
      labelNames: ['partition'],
      read: async () => [{ labels: { partition: 0 }, value: lag }],
    });
    expect(await registry.metrics()).toContain('ecab_test_lag{partition="0",service="portfolio-test"} 7');
    lag = 0;
    expect(await registry.metrics()).toContain('ecab_test_lag{partition="0",service="portfolio-test"} 0');
  });

  it('reports NaN, not a reassuring zero, when its source cannot be read', async () => {
    const registry = createMetricsRegistry('portfolio-test');
    scrapedGauge(registry, { name: 'ecab_test_down', help: 'down', read: async () => Promise.reject(new Error('database down')) });
    const text = await registry.metrics();
    expect(text).toContain('# TYPE ecab_test_down gauge');
    // prom-client writes NaN as "Nan", which Prometheus parses as NaN.
    expect(text).toContain('ecab_test_down{service="portfolio-test"} Nan');
    expect(text).toContain('process_cpu_user_seconds_total');
  });
});
