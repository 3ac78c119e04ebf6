import { getJson, postJson, type AppProcess, startKafkaPlatform, type KafkaPlatform } from './platform-process.js';

/**
 * Exchange rates end to end: rates recorded (and one corrected) through the reference command, money
 * recorded in tenge and som, and the views' USD equivalents at the value date — from the corrected rate
 * now, from the rate as it stood before the correction when read as recorded before it, and `null` with
 * the missing rate named when there is no rate on or before a value date. Expected figures are computed
 * here from the amounts and rates sent.
 */
describe('exchange rates: USD equivalents at the value date, corrections in history (HTTP → Kafka → views)', () => {
  let api: AppProcess;
  let views: AppProcess;
  let platform: KafkaPlatform;

  const KZT_RATE = { date: '2026-02-01', first: '0.0020', corrected: '0.0021' };
  const COMMITMENT_KZT = { amount: '1000000.00', date: '2026-02-10' };
  const FUNDS_KZT = { amount: '400000.00', date: '2026-03-05' };
  const COMMITMENT_KGS = { amount: '500000.00', date: '2025-01-15' };

  /** Decimal × rate, to cents, computed here with integers (rates of 4 decimals). */
  const usd = (amount: string, rate: string): string => {
    const cents = BigInt(amount.replace('.', '')) * BigInt(rate.replace('.', ''));
    const scale = 10n ** BigInt(rate.split('.')[1]!.length);
    const rounded = (cents + scale / 2n) / scale;
    return `${rounded / 100n}.${String(rounded % 100n).padStart(2, '0')}`;
  };

  beforeAll(async () => {
    platform = await startKafkaPlatform('rates', { partitions: 2, views: { CONSISTENCY_WAIT_MS: '30000' } });
    ({ api, views } = platform);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  interface Group {
    key: string;
    usd: Record<string, string | number | null>;
    currencies: { currency: string; netCommitment: string; disbursed: string }[];
    missingRates: { currency: string; date: string }[];
  }

  async function summaryGroup(cluster: string, extra = ''): Promise<Group> {
    const summary = await getJson(`${views.url}/api/v1/portfolio/summary?groupBy=cluster&from=2025-01-01&to=2026-12-31${extra}`);
    expect(summary.status).toBe(200);
    const group = (summary.body.items as Group[]).find((g) => g.key === cluster);
    if (!group) throw new Error(`no ${cluster} group in ${JSON.stringify(summary.body)}`);
    return group;
  }

  let beforeCorrection = '';
  let lastToken = '';

  it('records rates through the reference command, and a second rate for the same date as a correction', async () => {
    const first = await postJson(`${api.url}/api/v1/reference/exchange-rates`, {
      rates: [{ currency: 'KZT', date: KZT_RATE.date, usdPerUnit: KZT_RATE.first }],
    });
    expect(first.status).toBe(201);
    expect(first.body.events).toEqual(['ExchangeRateRecorded']);
    const again = await postJson(`${api.url}/api/v1/reference/exchange-rates`, {
      rates: [{ currency: 'KZT', date: KZT_RATE.date, usdPerUnit: KZT_RATE.first }],
    });
    expect(again.body.events).toEqual([]);

    for (const [id, cluster, country] of [
      ['FX-HE', 'health', 'KZ'],
      ['FX-TO', 'tourism', 'KG'],
    ] as const) {
      const registered = await postJson(`${api.url}/api/v1/projects`, { id, title: `Rates ${id}`, cluster, countries: [{ code: country, percentage: 100 }] });
      expect(registered.status).toBe(201);
    }
    const commitment = await postJson(`${api.url}/api/v1/projects/FX-HE/commitments`, { ...COMMITMENT_KZT, currency: 'KZT', financier: 'XM-DAC-46004' });
    expect(commitment.status).toBe(201);
    const funds = await postJson(`${api.url}/api/v1/projects/FX-HE/disbursements`, { ...FUNDS_KZT, currency: 'KZT', financier: 'XM-DAC-46004' });
    expect(funds.status).toBe(201);
    const som = await postJson(`${api.url}/api/v1/projects/FX-TO/commitments`, { ...COMMITMENT_KGS, currency: 'KGS', financier: 'XM-DAC-46004' });
    expect(som.status).toBe(201);
    lastToken = String(som.body.consistentWith);
    // Wait until the views have all of it, then note the instant before the correction.
    const seen = await getJson(`${views.url}/api/v1/portfolio/summary?consistentWith=${encodeURIComponent(String(funds.body.consistentWith))}`);
    expect(seen.status).toBe(200);
    await getJson(`${views.url}/api/v1/portfolio/summary?consistentWith=${encodeURIComponent(lastToken)}`);
    beforeCorrection = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 50));

    const corrected = await postJson(`${api.url}/api/v1/reference/exchange-rates`, {
      rates: [{ currency: 'KZT', date: KZT_RATE.date, usdPerUnit: KZT_RATE.corrected }],
    });
    expect(corrected.status).toBe(201);
    expect(corrected.body.events).toEqual(['ExchangeRateRecorded']);
    lastToken = String(corrected.body.consistentWith);
    expect(lastToken).toMatch(/^exchange-rates-KZT@2$/);
  });

  it('converts tenge at the corrected rate of the value date, and says which rate is missing for som', async () => {
    const health = await summaryGroup('health', `&consistentWith=${encodeURIComponent(lastToken)}`);
    expect(health.currencies).toEqual([expect.objectContaining({ currency: 'KZT', netCommitment: COMMITMENT_KZT.amount, disbursed: FUNDS_KZT.amount })]);
    expect(health.usd.netCommitment).toBe(usd(COMMITMENT_KZT.amount, KZT_RATE.corrected));
    expect(health.usd.disbursed).toBe(usd(FUNDS_KZT.amount, KZT_RATE.corrected));
    expect(health.missingRates).toEqual([]);

    const tourism = await summaryGroup('tourism');
    expect(tourism.currencies).toEqual([expect.objectContaining({ currency: 'KGS', netCommitment: COMMITMENT_KGS.amount })]);
    expect(tourism.usd.netCommitment).toBeNull();
    expect(tourism.missingRates).toEqual([{ currency: 'KGS', date: COMMITMENT_KGS.date }]);
  });

  it('keeps the correction in history: as recorded before it, the first rate converts', async () => {
    const health = await summaryGroup('health', `&recordedAt=${encodeURIComponent(beforeCorrection)}`);
    expect(health.usd.netCommitment).toBe(usd(COMMITMENT_KZT.amount, KZT_RATE.first));
    expect(health.usd.disbursed).toBe(usd(FUNDS_KZT.amount, KZT_RATE.first));
  });

  it('refuses a bad rate with every field named, and records nothing', async () => {
    const bad = await postJson(`${api.url}/api/v1/reference/exchange-rates`, { rates: [{ currency: 'XXX1', date: '2026-13-01', usdPerUnit: '-1' }] });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const pointers = (bad.body.errors as { pointer: string }[]).map((e) => e.pointer).sort();
    expect(pointers).toEqual(['/rates/0/currency', '/rates/0/date', '/rates/0/usdPerUnit']);
    const health = await summaryGroup('health');
    expect(health.usd.netCommitment).toBe(usd(COMMITMENT_KZT.amount, KZT_RATE.corrected));
  });
});
