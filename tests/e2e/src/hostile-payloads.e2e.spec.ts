import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import fc from 'fast-check';
import pg from 'pg';
import { ENDPOINTS, scenario, sendCommand, urlOf, type Answer, type Step } from './command-catalogue.js';
import { authorization, startApp, type AppProcess } from './platform-process.js';

/** More runs for a deeper search: HOSTILE_RUNS=500 npm test -w @ecab/e2e (CI uses the default). */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 25);

/** Values a careless or hostile client might put in any field. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(
    null,
    true,
    0,
    -1,
    1e308,
    -0.000001,
    '',
    ' ',
    '-1',
    '-1000.00',
    '0.0000001',
    '1e400',
    '12345678901234567890.00',
    'NaN',
    'XXX',
    'usd',
    '2024-02-30',
    '2099-01-01',
    '1999-13-01',
    'KZ',
    '\u0000',
    'a\u0000b',
    '\ud800',
    '<script>alert(1)</script>',
    "'; drop table events; --",
    '../../etc/passwd',
    { $gt: '' },
    [],
    {},
  ) },
  fc.string({ maxLength: 40 }),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
  fc.integer(),
  fc.double(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 1 }), { maxKeys: 4 }),
);

/** Every path through a JSON value, so that a hostile value can replace any field, however deep. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((item, index) => paths(item, [...prefix, index]))];
  if (value !== null && typeof value === 'object') return [prefix, ...Object.entries(value).flatMap(([key, item]) => paths(item, [...prefix, key]))];
  return [prefix];
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, index) => (index === head ? replaceAt(item, rest, replacement) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [head as string]: replaceAt(record[head as string], rest, replacement) };
}

/**
 * Malformed and hostile payloads at every command endpoint, on the real API and PostgreSQL: each
 * endpoint's valid example with one field (at any depth) replaced by a hostile value, extra fields,
 * and arbitrary JSON as the whole body. No answer may be a 5xx; every refusal is problem+json with a
 * message and leaves the event store as it was; an accepted variant stores exactly the events it names.
 */
describe('hostile payloads at every command endpoint', () => {
  let database: TestDatabase;
  let api: AppProcess;
  let client: pg.Client;
  const steps = new Map<string, Step>();

  beforeAll(async () => {
    database = await createTestDatabase('e2e_hostile');
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
    // The project and every record the examples refer to exist, as after a real project's life.
    for (const step of scenario({ projectId: 'HOSTILE', unique: 'h' })) {
      const answer = await send(step, step.request.params, step.request.body);
      if (answer.status >= 300) throw new Error(`${step.endpoint.command} setup failed: ${answer.status} ${JSON.stringify(answer.body)}`);
      if (step.own) steps.set(step.endpoint.command, step);
    }
  });

  afterAll(async () => {
    await client?.end();
    await api?.stop();
    await database?.drop();
  });

  function send(step: Step, params: Record<string, string>, body: unknown): Promise<Answer> {
    return sendCommand(api.url, step.endpoint, params, body, authorization().authorization?.replace('Bearer ', ''));
  }

  async function storedEvents(): Promise<number> {
    const result = await client.query<{ n: number }>('select count(*)::int as n from events');
    return result.rows[0]!.n;
  }

  /** The property every answer must have; returns a description of what is wrong, or undefined. */
  async function judge(step: Step, params: Record<string, string>, body: unknown): Promise<string | undefined> {
    const before = await storedEvents();
    const answer = await send(step, params, body);
    const after = await storedEvents();
    const sent = String(JSON.stringify(body)).slice(0, 300);
    if (answer.status >= 500) return `${answer.status} for ${sent}: ${JSON.stringify(answer.body)}`;
    if (answer.status >= 400) {
      if (!answer.contentType.includes('application/problem+json')) return `${answer.status} without problem+json for ${sent}`;
      if (typeof answer.body.title !== 'string' || typeof answer.body.detail !== 'string') return `${answer.status} without title and detail for ${sent}`;
      if (after !== before) return `${answer.status} but ${after - before} events stored for ${sent}`;
      return undefined;
    }
    const named = Array.isArray(answer.body.events) ? answer.body.events.length : -1;
    if (after - before !== named) return `${answer.status}: ${after - before} events stored but ${named} named for ${sent}`;
    return undefined;
  }

  it.each(ENDPOINTS.map((e) => [e.command]))('%s: one field replaced by a hostile value', async (name) => {
    const step = steps.get(name)!;
    const fields = paths(step.request.body);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), hostileValue, async (path, value) => {
        const problem = await judge(step, step.request.params, replaceAt(step.request.body, path, value));
        if (problem) throw new Error(problem);
      }),
      { numRuns: RUNS, ...(process.env.HOSTILE_RUNS ? {} : { seed: 20261126 + name.length }) },
    );
  });

  it.each(ENDPOINTS.map((e) => [e.command]))('%s: every field, one by one, as NUL, a lone surrogate, 100 000 characters, a negative number and null', async (name) => {
    const step = steps.get(name)!;
    const problems: string[] = [];
    for (const path of paths(step.request.body)) {
      for (const value of ['\u0000', 'x\ud800y', 'x'.repeat(100_000), -1, null]) {
        const problem = await judge(step, step.request.params, replaceAt(step.request.body, path, value));
        if (problem) problems.push(`${path.join('.')}: ${problem.slice(0, 300)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(ENDPOINTS.map((e) => [e.command]))('%s: unknown fields, arbitrary bodies and hostile path parameters', async (name) => {
    const step = steps.get(name)!;
    const paramNames = Object.keys(step.request.params);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('extra' as const), key: fc.string({ minLength: 1, maxLength: 20 }), value: hostileValue }),
          fc.record({ kind: fc.constant('body' as const), value: fc.anything({ maxDepth: 3 }) }),
          fc.record({ kind: fc.constant('param' as const), value: fc.oneof(fc.string({ minLength: 1, maxLength: 80 }), fc.constantFrom('..', '%00', 'a/b', 'x'.repeat(300), 'NO-SUCH-THING')) }),
        ),
        async (mutation) => {
          let problem: string | undefined;
          if (mutation.kind === 'extra') {
            const body = typeof step.request.body === 'object' && step.request.body !== null ? { ...(step.request.body as object), [mutation.key]: mutation.value } : step.request.body;
            problem = await judge(step, step.request.params, body);
          } else if (mutation.kind === 'body') {
            problem = await judge(step, step.request.params, mutation.value);
          } else if (paramNames.length > 0) {
            const params = { ...step.request.params, [paramNames[0]!]: mutation.value };
            problem = await judge(step, params, step.request.body);
          }
          if (problem) throw new Error(problem);
        },
      ),
      { numRuns: Math.ceil(RUNS * 0.6), ...(process.env.HOSTILE_RUNS ? {} : { seed: 112026 + name.length }) },
    );
  });

  it('refuses the classic mistakes with 4xx and the rule or field named', async () => {
    const commit = steps.get('RecordCommitment')!;
    const disburse = steps.get('RecordDisbursement')!;
    const register = steps.get('RegisterProject')!;
    // The project now has two agreements with ADB (the shorthand's and the signed example), so rules of the
    // money itself are tried with a financier it has none with: the shorthand would open one.
    const otherFinancier = { financier: 'XM-DAC-44000' };
    const cases: { what: string; step: Step; params?: Record<string, string>; body: unknown; status: number; mentions: RegExp }[] = [
      { what: 'negative amount', step: commit, body: { ...(commit.request.body as object), amount: '-5.00' }, status: 400, mentions: /amount/ },
      { what: 'amount with too many decimals', step: commit, body: { ...(commit.request.body as object), amount: '1.1234567' }, status: 400, mentions: /amount/ },
      { what: 'amount as a number', step: commit, body: { ...(commit.request.body as object), amount: 100 }, status: 400, mentions: /amount/ },
      { what: 'unknown currency', step: commit, body: { ...(commit.request.body as object), currency: 'XYZ' }, status: 400, mentions: /currency/ },
      { what: 'date in the future', step: commit, body: { ...(commit.request.body as object), ...otherFinancier, date: '2999-01-01' }, status: 422, mentions: /VALUE_DATE_IN_FUTURE/ },
      { what: 'two agreements with that financier', step: commit, body: commit.request.body, status: 422, mentions: /FINANCIER_AGREEMENT_AMBIGUOUS/ },
      {
        what: 'percentages not summing to 100',
        step: register,
        body: { ...(register.request.body as object), id: 'HOSTILE-PCT', countries: [{ code: 'KZ', percentage: 50 }, { code: 'KG', percentage: 40 }] },
        status: 422,
        mentions: /100/,
      },
      { what: 'unknown cluster', step: register, body: { ...(register.request.body as object), id: 'HOSTILE-CL', cluster: 'space' }, status: 400, mentions: /cluster/ },
      {
        what: 'disbursement beyond commitments',
        step: disburse,
        body: { ...(disburse.request.body as object), ...otherFinancier, amount: '999999999.00' },
        status: 422,
        mentions: /FUNDS_RECEIVED_EXCEED_COMMITMENT/,
      },
      { what: 'illegal status transition (closed → implementation)', step: steps.get('ChangeProjectStatus')!, body: { status: '2' }, status: 422, mentions: /.+/ },
      { what: 'a command on an unknown project', step: commit, params: { projectId: 'NO-SUCH-PROJECT' }, body: commit.request.body, status: 404, mentions: /NO-SUCH-PROJECT/ },
    ];
    const outcomes: Record<string, number> = {};
    const expected: Record<string, number> = {};
    for (const c of cases) {
      const before = await storedEvents();
      const answer = await send(c.step, c.params ?? c.step.request.params, c.body);
      outcomes[c.what] = answer.status;
      expected[c.what] = c.status;
      expect(answer.contentType).toContain('application/problem+json');
      expect(JSON.stringify(answer.body)).toMatch(c.mentions);
      expect(await storedEvents()).toBe(before);
    }
    expect(outcomes).toEqual(expected);
  });

  it('answers a body too large to read, or not JSON at all, with a 4xx problem', async () => {
    const step = steps.get('RecordCommitment')!;
    const url = `${api.url}${urlOf(step.endpoint, step.request.params)}`;
    const huge = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization() }, body: JSON.stringify({ amount: 'x'.repeat(2_000_000) }) });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toContain('application/problem+json');
    const broken = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization() }, body: '{"amount": "1.00",' });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toContain('application/problem+json');
  });
});
