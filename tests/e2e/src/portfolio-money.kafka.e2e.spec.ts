import { authorization, getJson, type AppProcess, startKafkaPlatform, type KafkaPlatform } from './platform-process.js';

/**
 * The money side of the views end to end on the built apps, PostgreSQL and Kafka: financing agreements,
 * their commitments, amendments, cancellations, funds received, onward payments, a reversal, plans,
 * contract awards and the old project-level shorthands are sent over HTTP; the summary (grouped, with the
 * docs/DOMAIN.md §2 ratios), the curves, the lineage and the quarterly lists must show what the test computes
 * itself from what it sent. All amounts are USD here: exchange-rate commands come with the write side's
 * change (the KZT conversion is covered by the projection's integration test until then).
 */
type Kind = 'commitment' | 'cancellation' | 'disbursement' | 'spending' | 'award';
interface Sent {
  project: string;
  agreement: string | null;
  financier: string | null;
  kind: Kind;
  /** Signed, in cents, as it counts in its kind (a decreasing amendment or a reversal is negative). */
  cents: number;
  valueDate: string;
}
interface AgreementSent {
  id: string;
  project: string;
  financier: string;
  effectiveOn: string | null;
  closingOn: string | null;
}
interface Planned {
  project: string;
  agreement: string;
  financier: string;
  cents: number;
  end: string;
}

const FROM = '2026-01-01';
const TO = '2026-12-31';
const PROJECTS = {
  'MO-TR': {
    cluster: 'transport',
    countries: [
      { code: 'KZ', percentage: 70 },
      { code: 'KG', percentage: 30 },
    ],
  },
  'MO-HE': { cluster: 'health', countries: [{ code: 'KZ', percentage: 100 }] },
} as const;
type ProjectId = keyof typeof PROJECTS;

const cents = (amount: string) => Math.round(Number(amount) * 100);
const usd = (value: number) => {
  const rounded = Math.round(value);
  const sign = rounded < 0 ? '-' : '';
  const abs = Math.abs(rounded);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
};
const round4 = (x: number) => Math.round(x * 10000) / 10000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;

describe('money in the views: agreements, ratios, curves, lineage and quarterly lists (HTTP → Kafka → views)', () => {
  let api: AppProcess;
  let views: AppProcess;
  let platform: KafkaPlatform;
  const sent: Sent[] = [];
  const agreements: AgreementSent[] = [];
  const planned: Planned[] = [];
  const estimates: { project: string; cents: number }[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    // A shared, loaded machine: read-your-writes may wait longer than the 2 s default before answering 409.
    platform = await startKafkaPlatform('money', { partitions: 2, views: { CONSISTENCY_WAIT_MS: '30000' } });
    ({ api, views } = platform);
  });

  afterAll(async () => {
    await platform?.stop();
  });

  async function command(path: string, body: unknown, expected = 201, method = 'POST'): Promise<Record<string, unknown>> {
    const response = await fetch(`${api.url}/api/v1/${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...authorization() },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (response.status !== expected) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(answer)}`);
    tokens.push(String(answer.consistentWith));
    return answer;
  }

  async function view(path: string): Promise<{ status: number; body: Record<string, unknown>; contentType: string }> {
    const answer = await getJson(`${views.url}/api/v1/${path}`);
    return { status: answer.status, body: answer.body, contentType: answer.headers.get('content-type') ?? '' };
  }

  async function sign(project: ProjectId, id: string, financier: string, amount: string, signedDate: string, closingDate: string): Promise<AgreementSent> {
    await command(`projects/${project}/agreements`, {
      id,
      agreementNumber: `${id}-NO`,
      financier: { organisationId: financier },
      instrument: 'loan',
      financeType: '421',
      flowType: '10',
      aidType: 'C01',
      amount,
      currency: 'USD',
      signedDate,
      closingDate,
    });
    const agreement = { id, project, financier, effectiveOn: null, closingOn: closingDate };
    agreements.push(agreement);
    return agreement;
  }

  async function effective(agreement: AgreementSent, date: string): Promise<void> {
    await command(`agreements/${agreement.id}/effectiveness`, { effectivenessDate: date }, 200);
    agreement.effectiveOn = date;
  }

  async function money(
    agreement: AgreementSent,
    path: string,
    kind: Kind,
    id: string,
    amount: string,
    valueDate: string,
    extra: Record<string, unknown> = {},
    sign = 1,
  ): Promise<void> {
    await command(`agreements/${agreement.id}/${path}`, { id, amount, currency: 'USD', valueDate, ...extra });
    sent.push({ project: agreement.project, agreement: agreement.id, financier: agreement.financier, kind, cents: sign * cents(amount), valueDate });
  }

  async function reverse(agreement: AgreementSent, transactionId: string): Promise<void> {
    await command(
      `agreements/${agreement.id}/transactions/${transactionId}/reversal`,
      { reasonCode: 'DUPLICATE_ENTRY', source: { citation: 'e2e reconciliation', confidence: 'illustrative' } },
      200,
    );
    // The reversal counts against the reversed movement, at its value date.
    const [original] = [...transactionIds].find(([s, id]) => s.agreement === agreement.id && id === transactionId)!;
    sent.push({ ...original, cents: -original.cents });
  }
  const transactionIds = new Map<Sent, string>();

  async function tracked(
    agreement: AgreementSent,
    path: string,
    kind: Kind,
    id: string,
    amount: string,
    valueDate: string,
    extra: Record<string, unknown> = {},
    sign = 1,
  ): Promise<void> {
    await money(agreement, path, kind, id, amount, valueDate, extra, sign);
    transactionIds.set(sent[sent.length - 1]!, id);
  }

  async function shorthand(project: ProjectId, kind: 'commitment' | 'disbursement', amount: string, date: string, financier: string): Promise<void> {
    await command(`projects/${project}/${kind === 'commitment' ? 'commitments' : 'disbursements'}`, { amount, currency: 'USD', date, financier });
    const id = `${project}~${financier}`;
    let agreement = agreements.find((a) => a.id === id);
    if (!agreement) {
      // The shorthand's agreement is effective from its first money; it has no closing date.
      agreement = { id, project, financier, effectiveOn: date, closingOn: null };
      agreements.push(agreement);
    }
    sent.push({ project, agreement: id, financier, kind, cents: cents(amount), valueDate: date });
  }

  it('records the commands and the views apply them all', async () => {
    for (const [id, p] of Object.entries(PROJECTS)) await command('projects', { id, title: `Money ${id}`, cluster: p.cluster, countries: p.countries });

    const loan = await sign('MO-TR', 'AG-L', 'XM-DAC-46004', '10000.00', '2025-03-14', '2027-12-31');
    await effective(loan, '2025-06-01');
    await tracked(loan, 'commitments', 'commitment', 'c1', '10000.00', '2025-03-20');
    await tracked(loan, 'commitment-amendments', 'commitment', 'a1', '2000.00', '2025-09-01', { change: 'increase', reason: 'more road' });
    await tracked(loan, 'commitment-amendments', 'commitment', 'a2', '500.00', '2026-02-01', { change: 'decrease', reason: 'entered by mistake' }, -1);
    await tracked(loan, 'cancellations', 'cancellation', 'x1', '1000.00', '2026-03-01', { reason: 'savings' });
    await tracked(loan, 'funds-received', 'disbursement', 'f1', '3000.00', '2025-07-01');
    // Two amounts sent without all of USD's decimals: the views answer them with both (the profile's agreements).
    await tracked(loan, 'funds-received', 'disbursement', 'f2', '1500.5', '2026-04-01');
    await tracked(loan, 'disbursements', 'spending', 'p1', '2000.00', '2025-08-01');
    await tracked(loan, 'expenditures', 'spending', 'e1', '400.00', '2025-10-01');
    await tracked(loan, 'expenditures', 'spending', 'e2', '100.00', '2025-10-02');
    await reverse(loan, 'e2');
    await reverse(loan, 'a2');
    for (const [id, start, end, amount] of [
      ['pd1', '2025-07-01', '2025-12-31', '4000.00'],
      ['pd2', '2026-01-01', '2026-06-30', '3000.00'],
      ['pd3', '2027-01-01', '2027-06-30', '3000.00'],
    ] as const) {
      await command(`agreements/${loan.id}/planned-disbursements`, { id, period: { start, end }, amount, currency: 'USD' });
      planned.push({ project: loan.project, agreement: loan.id, financier: loan.financier, cents: cents(amount), end });
    }
    await command(`agreements/${loan.id}/closing-date`, { closingDate: '2028-06-30', reason: 'works delayed' }, 200, 'PUT');
    loan.closingOn = '2028-06-30';

    await command('projects/MO-TR/contract-packages', {
      id: 'CP-MO-1',
      title: 'Civil works',
      method: 'ICB',
      estimatedValue: { amount: '15000.00', currency: 'USD' },
      plannedAwardDate: '2025-09-30',
    });
    estimates.push({ project: 'MO-TR', cents: cents('15000.00') });
    await command(
      'contract-packages/CP-MO-1/award',
      { contractor: { name: 'Builder JV' }, contractValue: { amount: '6000.00', currency: 'USD' }, awardDate: '2025-10-15' },
      200,
    );
    sent.push({ project: 'MO-TR', agreement: null, financier: null, kind: 'award', cents: cents('6000.00'), valueDate: '2025-10-15' });
    await command('contract-packages/CP-MO-1/variations', {
      id: 'VO-1',
      amountDelta: { amount: '500.00', currency: 'USD' },
      reason: 'drainage',
      effectiveDate: '2026-05-01',
    });
    sent.push({ project: 'MO-TR', agreement: null, financier: null, kind: 'award', cents: cents('500.00'), valueDate: '2026-05-01' });

    await shorthand('MO-TR', 'commitment', '800.00', '2026-01-15', 'WB-IDA');
    await shorthand('MO-TR', 'disbursement', '300.00', '2026-06-01', 'WB-IDA');
    await shorthand('MO-HE', 'commitment', '5000.00', '2024-05-01', 'XM-DAC-46004');
    await shorthand('MO-HE', 'disbursement', '1000', '2024-09-01', 'XM-DAC-46004');

    // For the quarterly lists of 2026-Q2: one agreement signed and not effective, one closing in 2026 with a cancellation in the quarter.
    await sign('MO-HE', 'AG-H', 'EBRD', '2000.00', '2026-02-01', '2029-12-31');
    const closing = await sign('MO-HE', 'AG-G', 'KFW', '1000.00', '2024-01-10', '2026-10-31');
    await effective(closing, '2024-02-01');
    await tracked(closing, 'commitments', 'commitment', 'g1', '1000.00', '2024-01-10');
    await tracked(closing, 'cancellations', 'cancellation', 'g2', '100.00', '2026-05-15', { reason: 'not needed' });

    // Every stream's last command must be applied before reading.
    for (const token of tokens) {
      const read = await view(`portfolio/summary?consistentWith=${encodeURIComponent(token)}`);
      expect({ token, status: read.status }).toEqual({ token, status: 200 });
    }
  });

  /** The figures the test expects for a set of money (USD), computed from what it sent. */
  function expected(inGroup: (s: { project: string; financier: string | null }) => number, contracts = true) {
    const rows = sent
      .filter((s) => s.valueDate <= TO)
      .map((s) => ({ ...s, w: inGroup(s) }))
      .filter((s) => s.w > 0);
    const agreementOf = (s: Sent) => agreements.find((a) => a.id === s.agreement);
    const sum = (filter: (s: Sent) => boolean, sign: (s: Sent) => number = () => 1) => rows.filter(filter).reduce((n, s) => n + s.cents * s.w * sign(s), 0);
    const commitment = (s: Sent) => s.kind === 'commitment' || s.kind === 'cancellation';
    const signOf = (s: Sent) => (s.kind === 'cancellation' ? -1 : 1);
    const c = sum(commitment, signOf);
    const d = sum((s) => s.kind === 'disbursement');
    const a = sum((s) => s.kind === 'award');
    const cStart = sum((s) => commitment(s) && (agreementOf(s)?.effectiveOn ?? '9999') < FROM && s.valueDate < FROM, signOf);
    const cEff = sum((s) => commitment(s) && (agreementOf(s)?.effectiveOn ?? '') >= FROM && (agreementOf(s)?.effectiveOn ?? '') <= TO, signOf);
    const dIn = sum((s) => s.kind === 'disbursement' && s.valueDate >= FROM);
    const aIn = sum((s) => s.kind === 'award' && s.valueDate >= FROM);
    const dStart = sum((s) => s.kind === 'disbursement' && s.valueDate < FROM);
    const aStart = sum((s) => s.kind === 'award' && s.valueDate < FROM);
    const plan = planned.filter((p) => p.end <= TO).reduce((n, p) => n + p.cents * inGroup(p), 0);
    const est = estimates.reduce((n, e) => n + e.cents * inGroup({ project: e.project, financier: null }), 0);
    let weighted = 0;
    let base = 0;
    for (const agreement of agreements) {
      if (!agreement.effectiveOn || !agreement.closingOn) continue;
      const net = sum((s) => commitment(s) && s.agreement === agreement.id, signOf);
      const elapsed = Math.min(Math.max(days(agreement.effectiveOn, TO) / days(agreement.effectiveOn, agreement.closingOn), 0), 1);
      weighted += net * elapsed;
      base += net;
    }
    const ratioOf = (n: number, dd: number) => (dd === 0 ? null : round4(n / dd));
    return {
      netCommitment: usd(c),
      disbursed: usd(d),
      spent: usd(sum((s) => s.kind === 'spending')),
      awarded: contracts ? usd(a) : null,
      undisbursed: usd(c - d),
      uncontracted: contracts ? usd(c - a) : null,
      plannedDisbursed: usd(plan),
      estimatedCost: contracts ? usd(est) : null,
      financingGap: contracts ? usd(est - c) : null,
      disbursementRatio: ratioOf(dIn, cStart - dStart + cEff),
      contractAwardRatio: contracts ? ratioOf(aIn, cStart - aStart + cEff) : null,
      disbursementVsPlan: ratioOf(d, plan),
      elapsed: ratioOf(weighted, base),
    };
  }

  const inProject = (id: string) => (s: { project: string }) => (s.project === id ? 1 : 0);
  const inCountry = (code: string) => (s: { project: string }) =>
    (PROJECTS[s.project as ProjectId].countries as readonly { code: string; percentage: number }[]).find((c) => c.code === code)?.percentage ?? 0;
  const pct = (f: (s: { project: string }) => number) => (s: { project: string }) => f(s) / 100;

  it('keeps the cluster summary: net commitment and funds received per currency', async () => {
    const summary = await view('portfolio/summary');
    const clusters = summary.body.clusters as { cluster: string; projects: number; financing: unknown[] }[];
    for (const [id, p] of Object.entries(PROJECTS)) {
      const all = sent.filter((s) => s.project === id);
      const c =
        all.filter((s) => s.kind === 'commitment').reduce((n, s) => n + s.cents, 0) -
        all.filter((s) => s.kind === 'cancellation').reduce((n, s) => n + s.cents, 0);
      const d = all.filter((s) => s.kind === 'disbursement').reduce((n, s) => n + s.cents, 0);
      expect(clusters.find((x) => x.cluster === p.cluster)).toEqual({
        cluster: p.cluster,
        projects: 1,
        financing: [{ currency: 'USD', committed: usd(c), disbursed: usd(d) }],
      });
    }
    expect(clusters.map((c) => c.cluster)).toEqual(['transport', 'tourism', 'air-quality', 'health', 'agribusiness', 'climate']);
  });

  it('groups by cluster with the docs/DOMAIN.md §2 figures and ratios for the period, per currency and in USD', async () => {
    const summary = await view(`portfolio/summary?groupBy=cluster&from=${FROM}&to=${TO}`);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ groupBy: 'cluster', from: FROM, to: TO, nextCursor: null });
    const items = summary.body.items as {
      key: string;
      projects: number;
      ratings: Record<string, number>;
      currencies: ({ currency: string } & Record<string, unknown>)[];
      usd: unknown;
      missingRates: unknown[];
    }[];
    expect(items.map((i) => i.key)).toEqual(['agribusiness', 'air-quality', 'climate', 'health', 'tourism', 'transport']);
    for (const [id, p] of Object.entries(PROJECTS)) {
      const group = items.find((i) => i.key === p.cluster)!;
      const figures = expected(inProject(id));
      expect(group.currencies).toEqual([{ currency: 'USD', ...figures }]);
      expect(group.usd).toEqual(figures);
      expect(group.missingRates).toEqual([]);
      expect(group.projects).toBe(1);
      // No project is rated yet: every one counts as unrated.
      expect(group.ratings).toEqual({ on_track: 0, for_attention: 0, at_risk: 0, unrated: 1 });
    }
  });

  it('sums the whole portfolio as one group (groupBy=portfolio: the headline figures), ratios included', async () => {
    const summary = await view(`portfolio/summary?groupBy=portfolio&from=${FROM}&to=${TO}`);
    expect(summary.status).toBe(200);
    const items = summary.body.items as { key: string; projects: number; usd: unknown; currencies: unknown[] }[];
    expect(items.map((i) => [i.key, i.projects])).toEqual([['portfolio', Object.keys(PROJECTS).length]]);
    expect(items[0]!.usd).toEqual(expected(() => 1));
    expect(items[0]!.currencies).toEqual([{ currency: 'USD', ...expected(() => 1) }]);
  });

  it('splits countries by recipient-country percentage, and financiers by their agreements', async () => {
    const byCountry = await view(`portfolio/summary?groupBy=country&from=${FROM}&to=${TO}`);
    const countries = byCountry.body.items as { key: string; projects: number; usd: unknown }[];
    expect(countries.map((c) => [c.key, c.projects])).toEqual([
      ['KG', 1],
      ['KZ', 2],
    ]);
    for (const code of ['KG', 'KZ']) expect(countries.find((c) => c.key === code)!.usd).toEqual(expected(pct(inCountry(code))));

    const byFinancier = await view(`portfolio/summary?groupBy=financier&from=${FROM}&to=${TO}`);
    const financiers = byFinancier.body.items as { key: string; projects: number; usd: unknown }[];
    expect(financiers.map((f) => [f.key, f.projects])).toEqual([
      ['EBRD', 1],
      ['KFW', 1],
      ['WB-IDA', 1],
      ['XM-DAC-46004', 2],
    ]);
    for (const f of financiers) expect(f.usd).toEqual(expected((s) => (s.financier === f.key ? 1 : 0), false));

    const byStatus = await view(`portfolio/summary?groupBy=status&from=${FROM}&to=${TO}`);
    expect((byStatus.body.items as { key: string; projects: number }[]).map((s) => [s.key, s.projects])).toEqual([['1', 2]]);
    const byRating = await view(`portfolio/summary?groupBy=rating&from=${FROM}&to=${TO}&limit=1`);
    expect((byRating.body.items as { key: string; projects: number; ratings: unknown }[]).map((s) => [s.key, s.projects, s.ratings])).toEqual([
      ['unrated', 2, { on_track: 0, for_attention: 0, at_risk: 0, unrated: 2 }],
    ]);
    expect(byRating.body.nextCursor).toBeNull();

    // Pages of groups: one at a time, the cursor leading to the next.
    const first = await view(`portfolio/summary?groupBy=country&limit=1`);
    expect((first.body.items as { key: string }[]).map((i) => i.key)).toEqual(['KG']);
    const second = await view(`portfolio/summary?groupBy=country&limit=1&cursor=${String(first.body.nextCursor)}`);
    expect((second.body.items as { key: string }[]).map((i) => i.key)).toEqual(['KZ']);
    expect(second.body.nextCursor).toBeNull();
  });

  it('explains a figure by its events: lineage totals equal the figure, across pages', async () => {
    const summary = await view(`portfolio/summary?groupBy=country&from=${FROM}&to=${TO}`);
    const kz = (summary.body.items as { key: string; usd: Record<string, string> }[]).find((c) => c.key === 'KZ')!;
    const lineage = await view(`lineage?metric=netCommitment&country=KZ&to=${TO}`);
    expect(lineage.status).toBe(200);
    expect(lineage.body.totals).toEqual([{ currency: 'USD', amount: kz.usd.netCommitment }]);

    // Every commitment, amendment, cancellation and reversal of MO-TR, page by page (3 a page).
    const expectedRows = sent.filter((s) => s.project === 'MO-TR' && (s.kind === 'commitment' || s.kind === 'cancellation'));
    const seen: { eventId: string; amount: string; type: string; streamId: string; version: number; valueDate: string; recordedAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page = await view(`lineage?metric=netCommitment&project=MO-TR&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.status).toBe(200);
      const items = page.body.items as typeof seen;
      expect(items.length).toBeLessThanOrEqual(3);
      seen.push(...items);
      cursor = page.body.nextCursor as string | null;
      expect(page.body.totals).toEqual([
        { currency: 'USD', amount: usd(expectedRows.reduce((n, s) => n + s.cents * (s.kind === 'cancellation' ? -1 : 1), 0)) },
      ]);
    } while (cursor);
    expect(seen).toHaveLength(expectedRows.length);
    expect(new Set(seen.map((s) => s.eventId)).size).toBe(expectedRows.length);
    expect(seen.map((s) => s.amount).sort()).toEqual(expectedRows.map((s) => usd(s.cents * (s.kind === 'cancellation' ? -1 : 1))).sort());
    expect(seen.filter((s) => s.type === 'TransactionReversed')).toHaveLength(1);
    for (const s of seen)
      expect(s).toMatchObject({
        streamId: expect.stringMatching(/^(agreement|project)-/),
        version: expect.any(Number),
        recordedAt: expect.any(String),
        valueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      });

    // Disbursements of the period in a cluster: the numerator of its disbursement ratio.
    const period = await view(`lineage?metric=disbursed&cluster=transport&from=${FROM}&to=${TO}`);
    expect(period.body.totals).toEqual([
      {
        currency: 'USD',
        amount: usd(sent.filter((s) => s.project === 'MO-TR' && s.kind === 'disbursement' && s.valueDate >= FROM).reduce((n, s) => n + s.cents, 0)),
      },
    ]);
    const undisbursed = await view(`lineage?metric=undisbursed&financier=XM-DAC-46004&to=${TO}`);
    const financiers = (await view(`portfolio/summary?groupBy=financier&from=${FROM}&to=${TO}`)).body.items as { key: string; usd: Record<string, string> }[];
    expect(undisbursed.body.totals).toEqual([{ currency: 'USD', amount: financiers.find((f) => f.key === 'XM-DAC-46004')!.usd.undisbursed }]);
    const awarded = await view('lineage?metric=awarded&project=MO-TR');
    expect((awarded.body.items as { type: string; amount: string }[]).map((i) => [i.type, i.amount])).toEqual([
      ['ContractAwarded', '6000.00'],
      ['ContractVariationApproved', '500.00'],
    ]);
  });

  it('shows each agreement in the project profile with its money and every transaction under it', async () => {
    for (const project of Object.keys(PROJECTS)) {
      const profile = await view(`projects/${project}`);
      expect(profile.status).toBe(200);
      const answered = profile.body.agreements as ({ agreementId: string; transactions: Record<string, string>[] } & Record<string, unknown>)[];
      const own = agreements.filter((a) => a.project === project);
      expect(answered.map((a) => a.agreementId).sort()).toEqual(own.map((a) => a.id).sort());
      for (const agreement of own) {
        const entry = answered.find((a) => a.agreementId === agreement.id)!;
        const mine = sent.filter((s) => s.agreement === agreement.id);
        const total = (kind: Kind) => mine.filter((s) => s.kind === kind).reduce((n, s) => n + s.cents, 0);
        expect(entry).toMatchObject({
          financierRef: agreement.financier,
          currency: 'USD',
          effectiveOn: agreement.effectiveOn,
          closingOn: agreement.closingOn,
          committed: usd(total('commitment')),
          cancelled: usd(total('cancellation')),
          netCommitment: usd(total('commitment') - total('cancellation')),
          disbursed: usd(total('disbursement')),
          spent: usd(total('spending')),
        });
        // One transaction a money command (a reversal too, negative), each amount with USD's two decimals, by value date.
        const transactions = entry.transactions;
        expect(transactions.map((t) => `${t.kind} ${t.amount} ${t.valueDate}`).sort()).toEqual(
          mine.map((s) => `${s.kind} ${usd(s.cents)} ${s.valueDate}`).sort(),
        );
        const dates = transactions.map((t) => t.valueDate!);
        expect(dates).toEqual([...dates].sort());
        for (const t of transactions) expect(t).toMatchObject({ currency: 'USD', eventId: expect.any(String), recordedAt: expect.stringMatching(/Z$/) });
      }
    }
    // The amounts sent as 1500.5 and 1000 are answered as 1500.50 and 1000.00.
    const loan = ((await view('projects/MO-TR')).body.agreements as { agreementId: string; transactions: { transactionId: string; amount: string }[] }[]).find(
      (a) => a.agreementId === 'AG-L',
    )!;
    expect(loan.transactions.find((t) => t.transactionId === 'f2')?.amount).toBe('1500.50');
    const health = (await view('projects/MO-HE')).body.agreements as { agreementId: string; transactions: { amount: string; kind: string }[] }[];
    expect(
      health
        .find((a) => a.agreementId === 'MO-HE~XM-DAC-46004')!
        .transactions.filter((t) => t.kind === 'disbursement')
        .map((t) => t.amount),
    ).toEqual(['1000.00']);
  });

  it('draws planned vs actual cumulative disbursement by quarter, for a project and a filtered portfolio', async () => {
    const quarterOf = (date: string) => `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    const curve = await view('projects/MO-TR/disbursement-curve');
    expect(curve.status).toBe(200);
    const items = curve.body.items as { quarter: string; usd: Record<string, string>; currencies: ({ currency: string } & Record<string, string>)[] }[];
    const actual = sent.filter((s) => s.project === 'MO-TR' && s.kind === 'disbursement');
    const plan = planned.filter((p) => p.project === 'MO-TR');
    const quarters = [...new Set([...actual.map((s) => quarterOf(s.valueDate)), ...plan.map((p) => quarterOf(p.end))])].sort();
    expect(items[0]!.quarter).toBe(quarters[0]);
    expect(items[items.length - 1]!.quarter).toBe(quarters[quarters.length - 1]);
    for (const item of items) {
      const point = {
        planned: usd(plan.filter((p) => quarterOf(p.end) === item.quarter).reduce((n, p) => n + p.cents, 0)),
        actual: usd(actual.filter((s) => quarterOf(s.valueDate) === item.quarter).reduce((n, s) => n + s.cents, 0)),
        plannedCumulative: usd(plan.filter((p) => quarterOf(p.end) <= item.quarter).reduce((n, p) => n + p.cents, 0)),
        actualCumulative: usd(actual.filter((s) => quarterOf(s.valueDate) <= item.quarter).reduce((n, s) => n + s.cents, 0)),
      };
      expect({ quarter: item.quarter, usd: item.usd, currencies: item.currencies }).toEqual({
        quarter: item.quarter,
        usd: point,
        currencies: [{ currency: 'USD', ...point }],
      });
    }
    const health = await view('portfolio/disbursement-curve?cluster=health');
    expect((health.body.items as { quarter: string; usd: Record<string, string> }[]).map((i) => [i.quarter, i.usd.actualCumulative])).toEqual([
      ['2024-Q3', '1000.00'],
    ]);
    const unknown = await view('projects/NO-SUCH/disbursement-curve');
    expect(unknown.status).toBe(404);
  });

  it('lists the agreements of the ADB quarterly update', async () => {
    const lists = await view('portfolio/quarterly-lists?quarter=2026-Q2');
    expect(lists.status).toBe(200);
    const ids = (section: string) => ((lists.body[section] as { items: { agreementId: string }[] }).items ?? []).map((i) => i.agreementId);
    expect(lists.body).toMatchObject({ quarter: '2026-Q2', start: '2026-04-01', end: '2026-06-30' });
    expect(ids('awaitingEffectiveness')).toEqual(['AG-H']);
    expect(ids('closingWithinSixMonths')).toEqual(['AG-G']);
    expect(ids('extendedClosingDates')).toEqual(['AG-L']);
    expect(ids('withCancellations')).toEqual(['AG-G']);
    const cancelled = (lists.body.withCancellations as { items: Record<string, unknown>[] }).items[0];
    expect(cancelled).toMatchObject({
      projectId: 'MO-HE',
      financierRef: 'KFW',
      netCommitment: '900.00',
      cancelled: '100.00',
      cancelledInQuarter: '100.00',
      closingOn: '2026-10-31',
      effectiveOn: '2024-02-01',
    });
    const extended = (lists.body.extendedClosingDates as { items: Record<string, unknown>[] }).items[0];
    expect(extended).toMatchObject({ originalClosingOn: '2027-12-31', closingOn: '2028-06-30' });
    const q1 = await view('portfolio/quarterly-lists?quarter=2026-Q1&section=withCancellations');
    expect(Object.keys(q1.body).sort()).toEqual(['end', 'quarter', 'start', 'withCancellations']);
    expect((q1.body.withCancellations as { items: { agreementId: string }[] }).items.map((i) => i.agreementId)).toEqual(['AG-L']);
  });

  it('refuses bad parameters with problem+json naming every one', async () => {
    const bad = await view('portfolio/summary?groupBy=planet&from=2026-13-01&bogus=1');
    expect(bad.status).toBe(400);
    expect(bad.contentType).toContain('application/problem+json');
    expect((bad.body.errors as { pointer: string }[]).map((e) => e.pointer).sort()).toEqual(['/bogus', '/from', '/groupBy']);
    for (const path of [
      'lineage?metric=everything',
      'lineage?metric=disbursed&limit=501',
      'portfolio/quarterly-lists?quarter=2026-Q5',
      'portfolio/disbursement-curve?status=9',
      'portfolio/summary?groupBy=cluster&cursor=nonsense',
      'portfolio/summary?from=2026-01-01',
    ]) {
      const answer = await view(path);
      expect({ path, status: answer.status, type: answer.contentType.includes('application/problem+json') }).toEqual({ path, status: 400, type: true });
    }
  });
});
