import { authorization, getJson, type AppProcess, startKafkaPlatform, type KafkaPlatform } from './platform-process.js';

/**
 * The project list, profile and timeline end to end on Kafka: projects of several clusters, countries,
 * statuses and ratings are built through the API's commands; every expectation is computed here from
 * what the test sent (and what the API answered: versions, event types), never by the views' code.
 */
describe('the project list, profile and timeline, from commands through Kafka', () => {
  let api: AppProcess;
  let views: AppProcess;
  let platform: KafkaPlatform;

  beforeAll(async () => {
    platform = await startKafkaPlatform('projects');
    ({ api, views } = platform);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  interface Sent {
    id: string;
    title: string;
    cluster: string;
    countries: string[];
    status: string;
    rating: string | null;
    /** The last consistency token of each stream written. */
    tokens: Map<string, string>;
  }
  /** Every command sent to the rich project, in order: the event types it answered and the effective date sent. */
  const richLog: { events: string[]; effectiveDate: string; reason: string | null; correction: boolean }[] = [];
  const sent: Sent[] = [];

  async function command(method: 'POST' | 'PUT', path: string, body: unknown, project: Sent): Promise<{ version: number; events: string[] }> {
    const response = await fetch(`${api.url}/api/v1/${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...authorization() },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as { streamId: string; version: number; events: string[]; consistentWith: string };
    if (response.status !== 201 && response.status !== 200) throw new Error(`${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    project.tokens.set(answer.streamId, answer.consistentWith);
    return answer;
  }

  const fiveRatings = (r: string) => ({ outputs: r, contract_awards: r, disbursements: r, financial_management: r, safeguards: r });
  const CLUSTERS = ['transport', 'health', 'climate', 'tourism'];
  const COUNTRIES = [
    [{ code: 'KZ', percentage: 100 }],
    [{ code: 'KG', percentage: 100 }],
    [
      { code: 'KZ', percentage: 55.5 },
      { code: 'KG', percentage: 44.5 },
    ],
  ];
  const STATUS_PATHS: Record<string, string[]> = { '1': [], '2': ['2'], '3': ['2', '3'], '5': ['5'], '6': ['2', '6'] };

  /** Ten projects for the list, then one rich project for the profile and the timeline. */
  beforeAll(async () => {
    const statuses = ['1', '2', '3', '5', '6'];
    const ratings: (string | null)[] = [null, 'on_track', 'at_risk', 'for_attention', 'corrected'];
    for (let i = 0; i < 10; i += 1) {
      const id = `LST-${String(i + 1).padStart(2, '0')}`;
      // Titles in another order than the ids.
      const title = `${'QWERTYUIOP'[i]} ${i % 2 === 0 ? 'road' : 'market'} ${id}`;
      const countries = COUNTRIES[i % 3]!;
      const project: Sent = {
        id,
        title,
        cluster: CLUSTERS[i % 4]!,
        countries: countries.map((c) => c.code),
        status: statuses[i % 5]!,
        rating: null,
        tokens: new Map(),
      };
      sent.push(project);
      await command('POST', 'projects', { id, title, cluster: project.cluster, countries, effectiveDate: '2024-01-10' }, project);
      for (const to of STATUS_PATHS[project.status]!) {
        if (to === '2') await command('POST', `projects/${id}/dates`, { dateType: '2', date: '2024-05-01' }, project);
        await command('POST', `projects/${id}/status`, { status: to, ...(to === '6' ? { reason: 'Border closed' } : {}) }, project);
      }
      const rating = ratings[(i * 3) % 5]!;
      if (rating === 'corrected') {
        await command(
          'POST',
          `projects/${id}/performance-reviews/2026-Q3/ratings`,
          { ratings: fiveRatings('on_track'), overall: 'on_track', effectiveDate: '2026-10-05' },
          project,
        );
        await command(
          'POST',
          `projects/${id}/performance-reviews/2026-Q3/ratings`,
          { ratings: fiveRatings('at_risk'), overall: 'at_risk', correction: { reason: 'Re-assessed' }, effectiveDate: '2026-10-06' },
          project,
        );
        project.rating = 'at_risk';
      } else if (rating) {
        // An older quarter first: the latest quarter is the project's rating.
        await command(
          'POST',
          `projects/${id}/performance-reviews/2026-Q2/ratings`,
          { ratings: fiveRatings('on_track'), overall: 'on_track', effectiveDate: '2026-07-05' },
          project,
        );
        await command(
          'POST',
          `projects/${id}/performance-reviews/2026-Q3/ratings`,
          { ratings: fiveRatings(rating), overall: rating, effectiveDate: '2026-10-05' },
          project,
        );
        project.rating = rating;
      }
    }
    const rich: Sent = {
      id: 'RICH-01',
      title: 'Almaty–Bishkek corridor',
      cluster: 'transport',
      countries: ['KZ', 'KG'],
      status: '2',
      rating: 'for_attention',
      tokens: new Map(),
    };
    sent.push(rich);
    const log = async (
      method: 'POST' | 'PUT',
      path: string,
      body: Record<string, unknown>,
      effectiveDate: string,
      reason: string | null = null,
      correction = false,
    ) => {
      const { events } = await command(method, `projects/RICH-01${path}`, body, rich);
      richLog.push({ events, effectiveDate, reason, correction });
    };
    const { events } = await command(
      'POST',
      'projects',
      {
        id: 'RICH-01',
        title: rich.title,
        cluster: 'transport',
        countries: [
          { code: 'KZ', percentage: 50 },
          { code: 'KG', percentage: 50 },
        ],
        effectiveDate: '2024-01-15',
      },
      rich,
    );
    richLog.push({ events, effectiveDate: '2024-01-15', reason: null, correction: false });
    await log('PUT', '/titles', { titles: { en: rich.title, ru: 'Коридор Алматы – Бишкек' }, effectiveDate: '2024-01-18' }, '2024-01-18');
    await log('PUT', '/iati-identifier', { reportingOrgRef: 'XM-DAC-46004', localId: 'RICH-1', effectiveDate: '2024-01-20' }, '2024-01-20');
    await log('POST', '/dates', { dateType: '1', date: '2024-03-01', effectiveDate: '2024-01-25' }, '2024-01-25');
    await log('POST', '/dates', { dateType: '3', date: '2027-12-31', effectiveDate: '2024-01-26' }, '2024-01-26');
    await log('POST', '/approval', { approvalDate: '2024-02-20' }, '2024-02-20');
    await log('POST', '/dates', { dateType: '2', date: '2024-04-01', effectiveDate: '2024-04-01' }, '2024-04-01');
    await log('POST', '/status', { status: '2', effectiveDate: '2024-04-02' }, '2024-04-02');
    await log('POST', '/status', { status: '6', reason: 'Border closed', effectiveDate: '2025-09-01' }, '2025-09-01', 'Border closed');
    await log(
      'POST',
      '/performance-reviews/2026-Q2/ratings',
      { ratings: fiveRatings('at_risk'), overall: 'at_risk', effectiveDate: '2026-07-10' },
      '2026-07-10',
    );
    await log(
      'POST',
      '/performance-reviews/2026-Q3/ratings',
      { ratings: fiveRatings('on_track'), overall: 'on_track', rationale: 'On plan', effectiveDate: '2026-10-10' },
      '2026-10-10',
    );
    await log(
      'POST',
      '/performance-reviews/2026-Q3/risks',
      { id: 'R-1', description: 'Floods', likelihood: 'medium', impact: 'high', mitigation: 'Drainage', dimension: 'outputs', effectiveDate: '2026-10-11' },
      '2026-10-11',
    );
    await log('POST', '/performance-reviews/2026-Q3/issues', { id: 'I-1', description: 'Late counterpart funds', effectiveDate: '2026-10-12' }, '2026-10-12');
    await log(
      'POST',
      '/performance-reviews/2026-Q3/issues',
      { id: 'I-2', description: 'Permits', dimension: 'safeguards', effectiveDate: '2026-10-13' },
      '2026-10-13',
    );
    await log(
      'POST',
      '/performance-reviews/2026-Q3/issues/I-1/resolution',
      { resolution: 'Released by the ministry', effectiveDate: '2026-11-02' },
      '2026-11-02',
    );
    await log(
      'POST',
      '/performance-reviews/2026-Q3/ratings',
      {
        ratings: fiveRatings('for_attention'),
        overall: 'for_attention',
        correction: { reason: 'Contract awards were overstated' },
        effectiveDate: '2026-10-20',
      },
      '2026-10-20',
      'Contract awards were overstated',
      true,
    );
    // Recorded last, effective long before: the two orders of the timeline differ.
    await log('POST', '/status', { status: '2', effectiveDate: '2025-10-01' }, '2025-10-01');
    await log('POST', '/dates', { dateType: '3', date: '2028-06-30', effectiveDate: '2025-01-05' }, '2025-01-05');

    // Read our writes: every stream of every project applied before the list is read.
    for (const project of sent) {
      for (const token of project.tokens.values()) {
        const read = await getJson(`${views.url}/api/v1/projects/${project.id}?consistentWith=${encodeURIComponent(token)}`);
        if (read.status !== 200) throw new Error(`${project.id} not visible at ${token}: ${read.status}`);
      }
    }
  });

  interface Item {
    id: string;
    title: string;
    status: string;
    rating: string | null;
    updatedAt: string;
    registeredAt: string;
  }

  async function walk(query: string, limit: number): Promise<{ items: Item[]; pages: number }> {
    const items: Item[] = [];
    let cursor: string | null = null;
    for (let pages = 1; pages <= 30; pages += 1) {
      const page = await getJson(`${views.url}/api/v1/projects?limit=${limit}${query ? `&${query}` : ''}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      const body = page.body as { items: Item[]; nextCursor: string | null };
      expect(body.items.length).toBeLessThanOrEqual(limit);
      items.push(...body.items);
      if (body.nextCursor === null) return { items, pages };
      cursor = body.nextCursor;
    }
    throw new Error('the list never ended');
  }

  const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const ids = (keep: (p: Sent) => boolean = () => true) =>
    sent
      .filter(keep)
      .map((p) => p.id)
      .sort(compare);

  it('walks every project exactly once, page by page, in each sort order', async () => {
    const all = await walk('', 3);
    expect(all.items.map((p) => p.id)).toEqual(ids());
    expect(all.pages).toBe(Math.ceil(sent.length / 3));

    const byTitle = [...sent].sort((a, b) => compare(a.title, b.title) || compare(a.id, b.id)).map((p) => p.id);
    expect((await walk('sort=title', 4)).items.map((p) => p.id)).toEqual(byTitle);
    expect((await walk('sort=-title', 4)).items.map((p) => p.id)).toEqual([...byTitle].reverse());
    expect((await walk('sort=-id', 5)).items.map((p) => p.id)).toEqual(ids().reverse());
    const byStatus = [...sent].sort((a, b) => compare(a.status, b.status) || compare(a.id, b.id)).map((p) => p.id);
    expect((await walk('sort=status', 2)).items.map((p) => p.id)).toEqual(byStatus);
    // Registered one after the other, in the order of `sent`.
    expect((await walk('sort=registeredAt', 4)).items.map((p) => p.id)).toEqual(sent.map((p) => p.id));
    expect((await walk('sort=-registeredAt', 4)).items.map((p) => p.id)).toEqual(sent.map((p) => p.id).reverse());
    const byUpdate = (await walk('sort=-updatedAt', 4)).items;
    expect(byUpdate.map((p) => p.id).sort(compare)).toEqual(ids());
    const times = byUpdate.map((p) => p.updatedAt);
    expect(times).toEqual([...times].sort().reverse());
  });

  it('filters by cluster, country, status, rating and text', async () => {
    const filtered = async (query: string) => (await walk(query, 50)).items.map((p) => p.id);
    // No filter of this test is answered by an empty list: each expectation names projects.
    const expectations = ['health', 'health,tourism'].map((c) => ids((p) => c.split(',').includes(p.cluster)));
    for (const expected of [...expectations, ids((p) => p.status === '2'), ids((p) => p.rating === 'at_risk'), ids((p) => p.title.includes('market'))])
      expect(expected.length).toBeGreaterThan(0);
    expect(await filtered('cluster=health')).toEqual(ids((p) => p.cluster === 'health'));
    expect(await filtered('cluster=health,tourism')).toEqual(ids((p) => p.cluster === 'health' || p.cluster === 'tourism'));
    expect(await filtered('country=KG')).toEqual(ids((p) => p.countries.includes('KG')));
    expect(await filtered('country=KZ')).toEqual(ids((p) => p.countries.includes('KZ')));
    expect(await filtered('status=2')).toEqual(ids((p) => p.status === '2'));
    expect(await filtered('status=5,6')).toEqual(ids((p) => p.status === '5' || p.status === '6'));
    expect(await filtered('rating=at_risk')).toEqual(ids((p) => p.rating === 'at_risk'));
    expect(await filtered('rating=on_track,for_attention')).toEqual(ids((p) => p.rating === 'on_track' || p.rating === 'for_attention'));
    expect(await filtered('cluster=transport&country=KZ&status=1,2')).toEqual(
      ids((p) => p.cluster === 'transport' && p.countries.includes('KZ') && (p.status === '1' || p.status === '2')),
    );
    expect(await filtered('q=MARKET')).toEqual(ids((p) => p.title.toLowerCase().includes('market')));
    expect(await filtered('q=lst-0')).toEqual(ids((p) => p.id.toLowerCase().includes('lst-0')));
    // The Russian title, in another case than recorded.
    expect(await filtered(`q=${encodeURIComponent('БИШКЕК')}`)).toEqual(['RICH-01']);
    // Every filter value is checked against the statuses and ratings the list has.
    for (const item of (await walk('status=3', 50)).items) expect(item.status).toBe('3');
  });

  it('answers 400 problem+json naming every bad parameter, and for a cursor of another order; 401 without a token', async () => {
    const bad = await getJson(`${views.url}/api/v1/projects?sort=colour&limit=0&status=9&rating=great&country=kz&q=ab&bogus=1`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const pointers = (bad.body.errors as { pointer: string }[]).map((e) => e.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/sort', '/limit', '/status', '/rating', '/country', '/q']));
    expect(pointers.length).toBeGreaterThanOrEqual(7);
    const tooMany = await getJson(`${views.url}/api/v1/projects?limit=501`);
    expect(tooMany.status).toBe(400);

    const first = await getJson(`${views.url}/api/v1/projects?sort=title&limit=2`);
    const cursor = (first.body as { nextCursor: string }).nextCursor;
    const other = await getJson(`${views.url}/api/v1/projects?sort=status&limit=2&cursor=${cursor}`);
    expect(other.status).toBe(400);
    expect(other.body.errors).toEqual([expect.objectContaining({ pointer: '/cursor' })]);
    const garbage = await getJson(`${views.url}/api/v1/projects?cursor=bm90LWpzb24`);
    expect(garbage.status).toBe(400);
    // Like every read, the list and the timeline need a signed-in caller.
    expect((await getJson(`${views.url}/api/v1/projects`, {})).status).toBe(401);
    expect((await getJson(`${views.url}/api/v1/projects/RICH-01/timeline`, {})).status).toBe(401);
  });

  it('shows the profile: what the project is, its dates, identifier, ratings, risks and issues', async () => {
    const total = richLog.reduce((n, c) => n + c.events.length, 0);
    const profile = await getJson(`${views.url}/api/v1/projects/RICH-01`);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      id: 'RICH-01',
      title: 'Almaty–Bishkek corridor',
      titles: { en: 'Almaty–Bishkek corridor', ru: 'Коридор Алматы – Бишкек' },
      cluster: 'transport',
      countries: [
        { code: 'KZ', percentage: 50 },
        { code: 'KG', percentage: 50 },
      ],
      status: '2',
      stage: 'implementation',
      iatiIdentifier: 'XM-DAC-46004-RICH-1',
      plannedStart: '2024-03-01',
      actualStart: '2024-04-01',
      plannedEnd: '2028-06-30',
      actualEnd: null,
      approvedOn: '2024-02-20',
      rating: 'for_attention',
      ratingPeriod: '2026-Q3',
      financing: [],
      activityCount: total,
    });
    // The project stream's version: every event of the project's own stream.
    const ownEvents = richLog.filter((c) => !c.events.some((e) => /^(PerformanceRated|Risk|Issue)/.test(e))).reduce((n, c) => n + c.events.length, 0);
    expect(profile.body.version).toBe(ownEvents);
    expect(profile.body.ratings).toEqual([
      expect.objectContaining({
        period: '2026-Q3',
        overall: 'for_attention',
        ratings: fiveRatings('for_attention'),
        ratedOn: '2026-10-20',
        corrections: 1,
        correctionReason: 'Contract awards were overstated',
      }),
      expect.objectContaining({
        period: '2026-Q2',
        overall: 'at_risk',
        ratings: fiveRatings('at_risk'),
        ratedOn: '2026-07-10',
        corrections: 0,
        correctionReason: null,
      }),
    ]);
    expect(profile.body.risks).toEqual([
      {
        period: '2026-Q3',
        id: 'R-1',
        description: 'Floods',
        likelihood: 'medium',
        impact: 'high',
        mitigation: 'Drainage',
        dimension: 'outputs',
        status: 'open',
        raisedOn: '2026-10-11',
      },
    ]);
    expect(profile.body.issues).toEqual([
      {
        period: '2026-Q3',
        id: 'I-2',
        description: 'Permits',
        dimension: 'safeguards',
        status: 'open',
        raisedOn: '2026-10-13',
        resolvedOn: null,
        resolution: null,
      },
      {
        period: '2026-Q3',
        id: 'I-1',
        description: 'Late counterpart funds',
        dimension: null,
        status: 'resolved',
        raisedOn: '2026-10-12',
        resolvedOn: '2026-11-02',
        resolution: 'Released by the ministry',
      },
    ]);
    const missing = await getJson(`${views.url}/api/v1/projects/NO-SUCH`);
    expect(missing.status).toBe(404);
  });

  it('pages the timeline in recorded and in effective order, with who, when and why', async () => {
    interface Entry {
      eventId: string;
      type: string;
      effectiveDate: string | null;
      recordedAt: string;
      actor: string | null;
      correction: boolean;
      reason: string | null;
    }
    const timeline = async (order: string, limit: number): Promise<Entry[]> => {
      const entries: Entry[] = [];
      let cursor: string | null = null;
      for (let pages = 0; pages < 30; pages += 1) {
        const page = await getJson(`${views.url}/api/v1/projects/RICH-01/timeline?order=${order}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.status).toBe(200);
        const body = page.body as { items: Entry[]; nextCursor: string | null };
        expect(body.items.length).toBeLessThanOrEqual(limit);
        entries.push(...body.items);
        if (body.nextCursor === null) return entries;
        cursor = body.nextCursor;
      }
      throw new Error('the timeline never ended');
    };
    // Every event the commands answered, in the order sent, with the effective date, reason and correction sent.
    const expected = richLog.flatMap((c) => c.events.map((type) => ({ type, effectiveDate: c.effectiveDate, reason: c.reason, correction: c.correction })));
    const subject = JSON.parse(Buffer.from(authorization().authorization!.split('.')[1]!, 'base64url').toString()) as { sub: string };

    const recorded = await timeline('recorded', 4);
    expect(recorded.map(({ type, effectiveDate, reason, correction }) => ({ type, effectiveDate, reason, correction }))).toEqual(expected);
    expect(new Set(recorded.map((e) => e.eventId)).size).toBe(expected.length);
    expect(recorded.every((e) => e.actor === subject.sub)).toBe(true);
    const times = recorded.map((e) => e.recordedAt);
    expect(times).toEqual([...times].sort());

    // Effective order: by the date sent; the same date keeps the order recorded (a stable sort).
    const effective = await timeline('effective', 5);
    const byDate = expected.map((e, i) => ({ ...e, i })).sort((a, b) => compare(a.effectiveDate, b.effectiveDate) || a.i - b.i);
    expect(effective.map(({ type, effectiveDate }) => ({ type, effectiveDate }))).toEqual(byDate.map(({ type, effectiveDate }) => ({ type, effectiveDate })));
    expect(effective.map((e) => e.eventId).sort()).toEqual(recorded.map((e) => e.eventId).sort());

    const bad = await getJson(`${views.url}/api/v1/projects/RICH-01/timeline?order=sideways&limit=9999`);
    expect(bad.status).toBe(400);
    expect((bad.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/limit', '/order']);
    expect((await getJson(`${views.url}/api/v1/projects/NO-SUCH/timeline`)).status).toBe(404);
  });
});
