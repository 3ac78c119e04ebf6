import { authorization, getJson, postJson, type AppProcess, type JsonResponse, startKafkaPlatform, type KafkaPlatform } from './platform-process.js';

/**
 * The programme, its governance, the projects' milestones and results frameworks, end to end on
 * Kafka: commands through the API, events through the relay and the consumer, answers from the
 * programme, overdue-milestones and results-scorecard queries — each figure worked out here from
 * the commands sent.
 */
describe('programme KPIs, governance actions, milestones and results flow from the API through Kafka into the views', () => {
  let api: AppProcess;
  let views: AppProcess;
  let platform: KafkaPlatform;
  /** The last `consistentWith` token of each stream written. */
  const last = new Map<string, string>();

  beforeAll(async () => {
    platform = await startKafkaPlatform('prog', { views: { CONSISTENCY_WAIT_MS: '10000' } });
    ({ api, views } = platform);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function send(method: 'POST' | 'PUT', path: string, body: unknown, status = [200, 201]): Promise<JsonResponse> {
    let response: JsonResponse;
    if (method === 'POST') response = await postJson(`${api.url}/api/v1/${path}`, body);
    else {
      const raw = await fetch(`${api.url}/api/v1/${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...authorization() },
        body: JSON.stringify(body),
      });
      response = { status: raw.status, headers: raw.headers, body: (await raw.json()) as Record<string, unknown> } as JsonResponse;
    }
    if (!status.includes(response.status)) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    last.set(response.body.streamId as string, response.body.consistentWith as string);
    return response;
  }

  /** Waits until the views reflect every stream written so far (a 409 says the view is behind: retry, for a bounded time). */
  async function caughtUp(): Promise<void> {
    const deadline = Date.now() + 120_000;
    for (const token of last.values()) {
      for (;;) {
        const response = await getJson(`${views.url}/api/v1/portfolio/results-scorecard?limit=1&consistentWith=${encodeURIComponent(token)}`);
        if (response.status === 200) break;
        if (response.status !== 409 || Date.now() > deadline)
          throw new Error(`the views never reached ${token}: ${response.status} ${JSON.stringify(response.body)}`);
      }
    }
  }

  const DAY = 86_400_000;
  /** b − a in days, for ISO dates. */
  const days = (a: string, b: string) => (Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / DAY;
  const year = (y: number) => ({ start: `${y}-01-01`, end: `${y}-12-31` });
  const source = (citation: string) => ({ citation, confidence: 'illustrative' });
  const ON = '2026-11-27';

  // Progress as docs/DOMAIN.md §2 defines it, clamped for results.
  const ratio = (actual: number, baseline: number, target: number) => (actual - baseline) / (target - baseline);
  const clamp = (value: number) => Math.min(1, Math.max(0, value));

  beforeAll(async () => {
    // The programme: the $3bn trade target (superseding an earlier 2.5bn), crossing time and cargo.
    await send('POST', 'programmes', {
      programmeId: 'ECAB',
      names: { en: 'Economic Corridor Almaty–Bishkek' },
      aliases: ['ABEC'],
      clusters: ['transport', 'air-quality'],
      effectiveDate: '2014-11-06',
    });
    const kpi = (kind: 'targets' | 'kpi-observations', body: Record<string, unknown>) =>
      send('POST', `programmes/ECAB/${kind}`, { source: source(`${body.kpi as string} source`), ...body });
    await kpi('targets', { kpi: 'bilateral-trade-usd', unit: 'USD', value: '2500000000', year: 2030 });
    await kpi('targets', { kpi: 'bilateral-trade-usd', unit: 'USD', value: '3000000000', year: 2030 });
    await kpi('kpi-observations', { kpi: 'bilateral-trade-usd', unit: 'USD', value: '1100000000', year: 2021 });
    await kpi('kpi-observations', { kpi: 'bilateral-trade-usd', unit: 'USD', value: '1600000000', year: 2023 });
    // A conflicting figure for 2023, from another source: recorded later, it is the latest.
    await kpi('kpi-observations', { kpi: 'bilateral-trade-usd', unit: 'USD', value: '1750000000', year: 2023, source: source('customs statistics') });
    await kpi('targets', { kpi: 'crossing-hours', unit: 'hours', value: '1', year: 2028 });
    await kpi('kpi-observations', { kpi: 'crossing-hours', unit: 'hours', value: '4', year: 2022 });
    await kpi('kpi-observations', { kpi: 'crossing-hours', unit: 'hours', value: '3', date: '2024-06-30' });
    await kpi('targets', { kpi: 'cargo-tonnes', unit: 'tonnes', value: '5000000', year: 2030 });
    await kpi('kpi-observations', { kpi: 'cargo-tonnes', unit: 'tonnes', value: '2000000', year: 2023 });

    await send('POST', 'programmes/ECAB/governance-meetings', {
      id: 'IGC-12',
      body: 'igc',
      meetingNumber: 12,
      date: '2024-12-05',
      place: 'Bishkek',
      decisions: [
        { decisionId: 'IGC12-D1', text: 'Roadmap for seven joint checkpoints', kind: 'roadmap' },
        { decisionId: 'IGC12-D2', text: 'Feasibility study for the alternative road', kind: 'protocol' },
      ],
      source: source('IGC 12 protocol'),
    });
    const action = (decision: string, body: Record<string, unknown>) =>
      send('POST', `programmes/ECAB/decisions/${decision}/actions`, { effectiveDate: '2024-12-10', ...body });
    await action('IGC12-D1', {
      id: 'A-DONE',
      description: 'Publish the joint checkpoint schedule',
      owner: { name: 'Ministry of National Economy of Kazakhstan' },
      dueDate: '2025-06-30',
    });
    await action('IGC12-D1', {
      id: 'A-LATE',
      description: 'Fund the checkpoint design',
      owner: { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' },
      dueDate: '2025-03-31',
    });
    await action('IGC12-D2', {
      id: 'A-OPEN',
      description: 'Terms of reference of the study',
      owner: { name: 'Ministry of Transport of the Kyrgyz Republic' },
      dueDate: '2099-12-31',
    });
    await send('POST', 'programmes/ECAB/actions/A-DONE/completion', { completionDate: '2025-05-20', source: source('Subcommittee report') });

    // Two projects, their milestones and results frameworks.
    await send('POST', 'projects', {
      id: 'ECAB-TR-01',
      title: 'Almaty–Issyk-Kul road',
      cluster: 'transport',
      countries: [
        { code: 'KZ', percentage: 59.4 },
        { code: 'KG', percentage: 40.6 },
      ],
    });
    await send('POST', 'projects', { id: 'ECAB-AQ-01', title: 'Bishkek air quality', cluster: 'air-quality', countries: [{ code: 'KG', percentage: 100 }] });
    const milestone = (project: string, body: Record<string, unknown>) => send('POST', `projects/${project}/milestones`, body);
    const milestoneChange = (project: string, id: string, what: string, body: Record<string, unknown>) =>
      send('POST', `projects/${project}/milestones/${id}/${what}`, body);
    await milestone('ECAB-TR-01', { id: 'SIGNING', category: 'signing', baselineDate: '2025-03-31', effectiveDate: '2024-12-01' });
    await milestoneChange('ECAB-TR-01', 'SIGNING', 'achievement', { actualDate: '2025-05-15' });
    await milestone('ECAB-TR-01', { id: 'EFFECTIVE', category: 'effectiveness', baselineDate: '2025-06-30', effectiveDate: '2024-12-01' });
    await milestoneChange('ECAB-TR-01', 'EFFECTIVE', 'reschedule', { newDate: '2030-06-30', reason: 'Ratification delayed', effectiveDate: '2025-06-01' });
    await milestone('ECAB-TR-01', { id: 'AWARD', category: 'contract-award', baselineDate: '2025-09-30', effectiveDate: '2024-12-01' });
    await milestone('ECAB-TR-01', { id: 'PPP', category: 'other', title: 'PPP concession tender', baselineDate: '2025-01-31', effectiveDate: '2024-12-01' });
    await milestoneChange('ECAB-TR-01', 'PPP', 'drop', { reason: 'Public works route instead', effectiveDate: '2025-01-15' });
    await milestone('ECAB-AQ-01', {
      id: 'MONITORS',
      category: 'other',
      title: 'Monitoring stations installed',
      baselineDate: '2026-01-31',
      effectiveDate: '2025-01-01',
    });
    await milestoneChange('ECAB-AQ-01', 'MONITORS', 'reschedule', { newDate: '2026-03-15', reason: 'Customs clearance', effectiveDate: '2026-01-20' });

    await send('POST', 'projects/ECAB-TR-01/results', { id: 'OUTCOME-1', resultType: '2', title: 'More trade across the border' });
    await send('POST', 'projects/ECAB-TR-01/results/OUTCOME-1/indicators', {
      id: 'TRUCKS',
      title: 'Trucks crossing per day',
      measure: '1',
      ascending: true,
      unit: 'trucks',
    });
    await send('PUT', 'projects/ECAB-TR-01/indicators/TRUCKS/baseline', { year: 2023, value: '100' });
    await send('POST', 'projects/ECAB-TR-01/indicators/TRUCKS/targets', { period: year(2026), value: '200' });
    await send('POST', 'projects/ECAB-TR-01/indicators/TRUCKS/targets', { period: year(2028), value: '300' });
    await send('POST', 'projects/ECAB-TR-01/indicators/TRUCKS/actuals', { period: year(2024), value: '150' });
    await send('POST', 'projects/ECAB-TR-01/indicators/TRUCKS/actuals/verification', { period: year(2024) });
    await send('POST', 'projects/ECAB-TR-01/indicators/TRUCKS/actuals', { period: year(2025), value: '180' });

    await send('POST', 'projects/ECAB-AQ-01/results', { id: 'OUTCOME-1', resultType: '2', title: 'Cleaner air in Bishkek' });
    await send('POST', 'projects/ECAB-AQ-01/results/OUTCOME-1/indicators', {
      id: 'PM25',
      title: 'Annual mean PM2.5',
      measure: '1',
      ascending: false,
      unit: 'µg/m3',
    });
    await send('PUT', 'projects/ECAB-AQ-01/indicators/PM25/baseline', { year: 2022, value: '50' });
    await send('POST', 'projects/ECAB-AQ-01/indicators/PM25/targets', { period: year(2028), value: '25' });
    await send('POST', 'projects/ECAB-AQ-01/indicators/PM25/actuals', { period: year(2024), value: '30' });
    await send('POST', 'projects/ECAB-AQ-01/indicators/PM25/actuals/rejection', { period: year(2024), reason: 'Station moved during the year' });
    await send('POST', 'projects/ECAB-AQ-01/indicators/PM25/actuals', { period: year(2025), value: '40' });
    await caughtUp();
  });

  it('answers the programme’s KPI series against their targets, with progress from the first observation', async () => {
    const response = await getJson(`${views.url}/api/v1/programme?on=${ON}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ id: 'ECAB', names: { en: 'Economic Corridor Almaty–Bishkek' }, aliases: ['ABEC'], on: ON });
    const kpis = response.body.kpis as {
      kpi: string;
      unit: string;
      observations: { year: number | null; date: string | null; value: string; source: { citation: string } }[];
      targets: { year: number; value: string }[];
      progress: number | null;
      latest: unknown;
      baseline: unknown;
      target: unknown;
    }[];
    expect(kpis.map((k) => k.kpi)).toEqual(['bilateral-trade-usd', 'cargo-tonnes', 'crossing-hours']);
    const [trade, cargo, crossing] = kpis as [(typeof kpis)[number], (typeof kpis)[number], (typeof kpis)[number]];
    expect(trade.observations.map((o) => [o.year, o.value, o.source.citation])).toEqual([
      [2021, '1100000000', 'bilateral-trade-usd source'],
      [2023, '1600000000', 'bilateral-trade-usd source'],
      [2023, '1750000000', 'customs statistics'],
    ]);
    // The 2.5bn target was superseded by the $3bn one for the same year.
    expect(trade.targets.map((t) => [t.year, t.value])).toEqual([[2030, '3000000000']]);
    expect(trade).toMatchObject({
      unit: 'USD',
      baseline: { year: 2021, value: '1100000000' },
      latest: { year: 2023, value: '1750000000' },
      target: { year: 2030, value: '3000000000' },
    });
    expect(trade.progress).toBeCloseTo(ratio(1.75e9, 1.1e9, 3e9), 12);
    // Crossing time falls toward its target: (3 − 4) ÷ (1 − 4).
    expect(crossing.observations.map((o) => [o.year, o.date, o.value])).toEqual([
      [2022, null, '4'],
      [null, '2024-06-30', '3'],
    ]);
    expect(crossing.progress).toBeCloseTo(ratio(3, 4, 1), 12);
    // One observation: it is both baseline and latest, no progress measured yet.
    expect(cargo).toMatchObject({ unit: 'tonnes', targets: [{ year: 2030, value: '5000000' }], progress: ratio(2e6, 2e6, 5e6) });
  });

  it('answers the governance meetings, their decisions and action items with owner, due date and status', async () => {
    const response = await getJson(`${views.url}/api/v1/programme?on=${ON}`);
    expect(response.body.meetingCount).toBe(1);
    expect(response.body.meetings).toEqual([
      {
        meetingId: 'IGC-12',
        body: 'igc',
        bodyName: null,
        meetingNumber: 12,
        date: '2024-12-05',
        place: 'Bishkek',
        source: expect.objectContaining({ citation: 'IGC 12 protocol' }),
        decisions: [
          {
            decisionId: 'IGC12-D1',
            text: 'Roadmap for seven joint checkpoints',
            kind: 'roadmap',
            actions: [
              // Due 2025-03-31, not completed: overdue on 2026-11-27. Ordered by due date.
              {
                actionId: 'A-LATE',
                description: 'Fund the checkpoint design',
                owner: { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' },
                assignedOn: '2024-12-10',
                dueDate: '2025-03-31',
                completedOn: null,
                status: 'overdue',
              },
              {
                actionId: 'A-DONE',
                description: 'Publish the joint checkpoint schedule',
                owner: { name: 'Ministry of National Economy of Kazakhstan' },
                assignedOn: '2024-12-10',
                dueDate: '2025-06-30',
                completedOn: '2025-05-20',
                status: 'done',
              },
            ],
          },
          {
            decisionId: 'IGC12-D2',
            text: 'Feasibility study for the alternative road',
            kind: 'protocol',
            actions: [
              {
                actionId: 'A-OPEN',
                description: 'Terms of reference of the study',
                owner: { name: 'Ministry of Transport of the Kyrgyz Republic' },
                assignedOn: '2024-12-10',
                dueDate: '2099-12-31',
                completedOn: null,
                status: 'open',
              },
            ],
          },
        ],
      },
    ]);
    expect(response.body.actionCounts).toEqual({ open: 1, overdue: 1, done: 1 });
    // Judged on a day before A-LATE fell due, it was open; by default on today, it is overdue.
    expect((await getJson(`${views.url}/api/v1/programme?on=2025-03-31`)).body.actionCounts).toEqual({ open: 2, overdue: 0, done: 1 });
    expect((await getJson(`${views.url}/api/v1/programme?programme=ECAB`)).body.actionCounts).toEqual({ open: 1, overdue: 1, done: 1 });
    expect((await getJson(`${views.url}/api/v1/programme?programme=NONE`)).status).toBe(404);
  });

  it('lists the overdue milestones with their slippage, filtered and paged', async () => {
    const response = await getJson(`${views.url}/api/v1/portfolio/overdue-milestones?on=${ON}`);
    expect(response.status).toBe(200);
    // Overdue on ON: AWARD (2025-09-30, never moved) and MONITORS (moved to 2026-03-15). Not SIGNING (achieved),
    // PPP (dropped) or EFFECTIVE (moved to 2030).
    expect(response.body).toEqual({
      items: [
        {
          projectId: 'ECAB-TR-01',
          projectTitle: 'Almaty–Issyk-Kul road',
          cluster: 'transport',
          milestoneId: 'AWARD',
          category: 'contract-award',
          title: null,
          baselineDate: '2025-09-30',
          forecastDate: null,
          plannedDate: '2025-09-30',
          slippageDays: 0,
          daysOverdue: days('2025-09-30', ON),
        },
        {
          projectId: 'ECAB-AQ-01',
          projectTitle: 'Bishkek air quality',
          cluster: 'air-quality',
          milestoneId: 'MONITORS',
          category: 'other',
          title: 'Monitoring stations installed',
          baselineDate: '2026-01-31',
          forecastDate: '2026-03-15',
          plannedDate: '2026-03-15',
          slippageDays: days('2026-01-31', '2026-03-15'),
          daysOverdue: days('2026-03-15', ON),
        },
      ],
      nextCursor: null,
    });
    const ids = async (query: string) =>
      ((await getJson(`${views.url}/api/v1/portfolio/overdue-milestones?${query}`)).body.items as { milestoneId: string }[]).map((m) => m.milestoneId);
    expect(await ids(`on=${ON}&cluster=air-quality`)).toEqual(['MONITORS']);
    expect(await ids(`on=${ON}&country=KZ`)).toEqual(['AWARD']);
    expect(await ids(`on=${ON}&country=KG`)).toEqual(['AWARD', 'MONITORS']);
    // Before AWARD's date nothing was overdue; by default (today) both are.
    expect(await ids('on=2025-09-30')).toEqual([]);
    expect(await ids('')).toEqual(['AWARD', 'MONITORS']);

    const first = await getJson(`${views.url}/api/v1/portfolio/overdue-milestones?on=${ON}&limit=1`);
    expect((first.body.items as { milestoneId: string }[]).map((m) => m.milestoneId)).toEqual(['AWARD']);
    const second = await getJson(`${views.url}/api/v1/portfolio/overdue-milestones?on=${ON}&limit=1&cursor=${first.body.nextCursor as string}`);
    expect(second.body).toEqual({ items: [expect.objectContaining({ milestoneId: 'MONITORS' })], nextCursor: null });
  });

  it('scores every indicator: verified before reported, rejected never, descending ones the right way', async () => {
    const response = await getJson(`${views.url}/api/v1/portfolio/results-scorecard`);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        {
          projectId: 'ECAB-AQ-01',
          projectTitle: 'Bishkek air quality',
          cluster: 'air-quality',
          resultId: 'OUTCOME-1',
          indicatorId: 'PM25',
          title: 'Annual mean PM2.5',
          measure: '1',
          ascending: false,
          unit: 'µg/m3',
          baseline: { year: 2022, value: '50' },
          target: { value: '25', period: year(2028) },
          // The 2024 report (30) was rejected: the 2025 one counts, unverified.
          actual: { value: '40', verified: false, period: year(2025) },
          progress: clamp(ratio(40, 50, 25)),
        },
        {
          projectId: 'ECAB-TR-01',
          projectTitle: 'Almaty–Issyk-Kul road',
          cluster: 'transport',
          resultId: 'OUTCOME-1',
          indicatorId: 'TRUCKS',
          title: 'Trucks crossing per day',
          measure: '1',
          ascending: true,
          unit: 'trucks',
          baseline: { year: 2023, value: '100' },
          // The end target (2028), not the 2026 one.
          target: { value: '300', period: year(2028) },
          // The verified 2024 actual wins over the later, unverified 2025 report.
          actual: { value: '150', verified: true, period: year(2024) },
          progress: clamp(ratio(150, 100, 300)),
        },
      ],
      nextCursor: null,
    });

    // A corrected 2024 report of PM2.5, verified, now counts: (45 − 50) ÷ (25 − 50).
    await send('POST', 'projects/ECAB-AQ-01/indicators/PM25/actuals', { period: year(2024), value: '45' });
    const verified = await send('POST', 'projects/ECAB-AQ-01/indicators/PM25/actuals/verification', { period: year(2024) });
    const after = await getJson(
      `${views.url}/api/v1/portfolio/results-scorecard?cluster=air-quality&consistentWith=${encodeURIComponent(verified.body.consistentWith as string)}`,
    );
    expect((after.body.items as { indicatorId: string; actual: unknown; progress: number }[]).map((i) => [i.indicatorId, i.actual, i.progress])).toEqual([
      ['PM25', { value: '45', verified: true, period: year(2024) }, clamp(ratio(45, 50, 25))],
    ]);
    const transport = await getJson(`${views.url}/api/v1/portfolio/results-scorecard?project=ECAB-TR-01`);
    expect((transport.body.items as { indicatorId: string }[]).map((i) => i.indicatorId)).toEqual(['TRUCKS']);
  });

  it('rejects bad parameters with problem+json naming every field', async () => {
    const overdue = await getJson(`${views.url}/api/v1/portfolio/overdue-milestones?on=2026-13-01&cluster=space&country=kz&limit=501&cursor=nope&extra=1`);
    expect(overdue.status).toBe(400);
    expect(overdue.headers.get('content-type')).toContain('application/problem+json');
    expect((overdue.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(
      ['/cluster', '/country', '/cursor', '/extra', '/limit', '/on'].sort(),
    );
    const scorecard = await getJson(`${views.url}/api/v1/portfolio/results-scorecard?limit=0&cluster=`);
    expect(scorecard.status).toBe(400);
    expect((scorecard.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/cluster', '/limit']);
    const programme = await getJson(`${views.url}/api/v1/programme?on=tomorrow`);
    expect(programme.status).toBe(400);
    expect((programme.body.errors as { pointer: string }[]).map((e) => e.pointer)).toEqual(['/on']);
  });
});
