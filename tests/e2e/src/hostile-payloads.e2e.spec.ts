import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import fc from 'fast-check';
import pg from 'pg';
import { ENDPOINTS, scenario, sendCommand, urlOf, type Answer, type Step } from './command-catalogue.js';
import { hostileValue, holds, paths, replaceAt } from './hostile-input.js';
import { authorization, startApp, type AppProcess } from './platform-process.js';
import { whatMustBeSaid, whatWasSaid, type Refusal } from './refusals.js';

/** More runs for a deeper search: HOSTILE_RUNS=500 npm test -w @ecab/e2e (CI uses the default). */
const RUNS = Number(process.env.HOSTILE_RUNS ?? 25);

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
      if (answer.status !== step.endpoint.status) throw new Error(`${step.endpoint.command} setup failed: ${answer.status} ${JSON.stringify(answer.body)}`);
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

  async function lastPosition(): Promise<string> {
    const result = await client.query<{ p: string }>('select coalesce(max(position), 0)::text as p from events');
    return result.rows[0]!.p;
  }

  async function storedAfter(position: string): Promise<{ stream_id: string; type: string; data: unknown }[]> {
    return (
      await client.query<{ stream_id: string; type: string; data: unknown }>('select stream_id, type, data from events where position > $1 order by position', [
        position,
      ])
    ).rows;
  }

  /**
   * The property every answer must have; returns a description of what is wrong, or undefined. `placed`
   * is the value the request put in one of the example's fields: accepted, it must be what was stored.
   */
  async function judge(step: Step, params: Record<string, string>, body: unknown, placed?: { value: unknown }): Promise<string | undefined> {
    const before = await storedEvents();
    const position = await lastPosition();
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
    // Accepted: the event store holds exactly the events the answer names, on the streams it names, with the value sent.
    const stored = await storedAfter(position);
    const named = Array.isArray(answer.body.events) ? (answer.body.events as string[]) : [];
    if (JSON.stringify(stored.map((e) => e.type)) !== JSON.stringify(named))
      return `${answer.status}: stored ${JSON.stringify(stored.map((e) => e.type))} but named ${JSON.stringify(named)} for ${sent}`;
    const streams = new Set([String(answer.body.streamId), ...((answer.body.streams as { streamId: string }[] | undefined) ?? []).map((s) => s.streamId)]);
    const elsewhere = stored.filter((e) => !streams.has(e.stream_id));
    if (elsewhere.length > 0) return `${answer.status}: stored on ${elsewhere.map((e) => e.stream_id)}, not the answer's stream, for ${sent}`;
    const value = placed?.value;
    const checkable = typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
    if (checkable && stored.length > 0 && !stored.some((e) => holds(e.data, value)))
      return `${answer.status}: ${JSON.stringify(value)} accepted but not in the stored ${JSON.stringify(stored).slice(0, 300)}`;
    return undefined;
  }

  it('has the example of every listed command to start from', () => {
    expect(ENDPOINTS.length).toBeGreaterThan(50);
    expect([...steps.keys()].sort()).toEqual(ENDPOINTS.map((e) => e.command).sort());
  });

  it.each(ENDPOINTS.map((e) => [e.command]))('%s: one field replaced by a hostile value', async (name) => {
    const step = steps.get(name)!;
    const fields = paths(step.request.body);
    expect(fields.length).toBeGreaterThan(0);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...fields), hostileValue, async (path, value) => {
        const problem = await judge(step, step.request.params, replaceAt(step.request.body, path, value), path.length > 0 ? { value } : undefined);
        if (problem) throw new Error(problem);
      }),
      { numRuns: RUNS, ...(process.env.HOSTILE_RUNS ? {} : { seed: 20261126 + name.length }) },
    );
  });

  it.each(ENDPOINTS.map((e) => [e.command]))(
    '%s: every field, one by one, as NUL, a lone surrogate, 100 000 characters, a negative number and null',
    async (name) => {
      const step = steps.get(name)!;
      const problems: string[] = [];
      const fields = paths(step.request.body);
      expect(fields.length).toBeGreaterThan(0);
      for (const path of fields) {
        for (const value of ['\u0000', 'x\ud800y', 'x'.repeat(100_000), -1, null]) {
          const problem = await judge(step, step.request.params, replaceAt(step.request.body, path, value), path.length > 0 ? { value } : undefined);
          if (problem) problems.push(`${path.join('.')}: ${problem.slice(0, 300)}`);
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it.each(ENDPOINTS.map((e) => [e.command]))('%s: unknown fields, arbitrary bodies and hostile path parameters', async (name) => {
    const step = steps.get(name)!;
    const paramNames = Object.keys(step.request.params);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ kind: fc.constant('extra' as const), key: fc.string({ minLength: 1, maxLength: 20 }), value: hostileValue }),
          fc.record({ kind: fc.constant('body' as const), value: fc.anything({ maxDepth: 3 }) }),
          fc.record({
            kind: fc.constant('param' as const),
            value: fc.oneof(fc.string({ minLength: 1, maxLength: 80 }), fc.constantFrom('..', '%00', 'a/b', 'x'.repeat(300), 'NO-SUCH-THING')),
          }),
        ),
        async (mutation) => {
          let problem: string | undefined;
          if (mutation.kind === 'extra') {
            const body =
              typeof step.request.body === 'object' && step.request.body !== null
                ? { ...(step.request.body as object), [mutation.key]: mutation.value }
                : step.request.body;
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

  it('refuses the classic mistakes with 4xx and the rule or every field named', async () => {
    const commit = steps.get('RecordCommitment')!;
    const disburse = steps.get('RecordDisbursement')!;
    const register = steps.get('RegisterProject')!;
    const commitBody = commit.request.body as object;
    const registerBody = register.request.body as object;
    // The project now has two agreements with ADB (the shorthand's and the signed example), so rules of the
    // money itself are tried with a financier it has none with: the shorthand would open one.
    const otherFinancier = { financier: 'XM-DAC-44000' };
    const shares = [50, 40];
    const tooMuch = '999999999.00';
    const cases: { what: string; step: Step; params?: Record<string, string>; body: unknown; expected: Refusal }[] = [
      { what: 'negative amount', step: commit, body: { ...commitBody, amount: '-5.00' }, expected: { status: 400, fields: ['/amount'] } },
      { what: 'amount with too many decimals', step: commit, body: { ...commitBody, amount: '1.1234567' }, expected: { status: 400, fields: ['/amount'] } },
      { what: 'amount as a number', step: commit, body: { ...commitBody, amount: 100 }, expected: { status: 400, fields: ['/amount'] } },
      { what: 'unknown currency', step: commit, body: { ...commitBody, currency: 'XYZ' }, expected: { status: 400, fields: ['/currency'] } },
      {
        what: 'negative amount and unknown currency at once',
        step: commit,
        body: { ...commitBody, amount: '-5.00', currency: 'XYZ' },
        expected: { status: 400, fields: ['/amount', '/currency'] },
      },
      { what: 'an unknown field', step: commit, body: { ...commitBody, amout: '5.00' }, expected: { status: 400, fields: ['/amout'] } },
      {
        what: 'date in the future',
        step: commit,
        body: { ...commitBody, ...otherFinancier, date: '2999-01-01' },
        expected: { status: 422, code: 'VALUE_DATE_IN_FUTURE', details: { valueDate: '2999-01-01' } },
      },
      {
        what: 'two agreements with that financier',
        step: commit,
        body: commitBody,
        expected: { status: 422, code: 'FINANCIER_AGREEMENT_AMBIGUOUS', details: { projectId: 'HOSTILE' } },
      },
      {
        what: 'percentages not summing to 100',
        step: register,
        body: {
          ...registerBody,
          id: 'HOSTILE-PCT',
          countries: [
            { code: 'KZ', percentage: shares[0] },
            { code: 'KG', percentage: shares[1] },
          ],
        },
        expected: { status: 422, code: 'COUNTRY_PERCENTAGES_MUST_SUM_TO_100', details: { total: (shares[0]! + shares[1]!).toFixed(2) } },
      },
      {
        what: 'unknown cluster',
        step: register,
        body: { ...registerBody, id: 'HOSTILE-CL', cluster: 'space' },
        expected: { status: 400, fields: ['/cluster'] },
      },
      {
        what: 'disbursement beyond commitments',
        step: disburse,
        body: { ...(disburse.request.body as object), ...otherFinancier, amount: tooMuch },
        expected: { status: 422, code: 'FUNDS_RECEIVED_EXCEED_COMMITMENT', details: { fundsReceived: tooMuch } },
      },
      // The scenario closed the project (status 4); implementation is status 2.
      {
        what: 'illegal status transition (closed → implementation)',
        step: steps.get('ChangeProjectStatus')!,
        body: { status: '2' },
        expected: { status: 422, code: 'STATUS_TERMINAL', details: { from: '4', to: '2' } },
      },
      {
        what: 'a command on an unknown project',
        step: commit,
        params: { projectId: 'NO-SUCH-PROJECT' },
        body: commitBody,
        expected: { status: 404, detail: /NO-SUCH-PROJECT/ },
      },
    ];
    expect(cases.length).toBeGreaterThan(10);
    const outcomes: Record<string, unknown> = {};
    const expected: Record<string, unknown> = {};
    for (const c of cases) {
      const before = await storedEvents();
      const answer = await send(c.step, c.params ?? c.step.request.params, c.body);
      outcomes[c.what] = { contentType: answer.contentType, stored: (await storedEvents()) - before, ...whatWasSaid(answer, c.expected) };
      expected[c.what] = { contentType: expect.stringContaining('application/problem+json'), stored: 0, ...whatMustBeSaid(c.expected) };
    }
    expect(outcomes).toEqual(expected);
  });

  it('answers a body too large to read, or not JSON at all, with a 4xx problem', async () => {
    const step = steps.get('RecordCommitment')!;
    const url = `${api.url}${urlOf(step.endpoint, step.request.params)}`;
    const huge = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authorization() },
      body: JSON.stringify({ amount: 'x'.repeat(2_000_000) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.headers.get('content-type')).toContain('application/problem+json');
    const broken = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...authorization() }, body: '{"amount": "1.00",' });
    expect(broken.status).toBe(400);
    expect(broken.headers.get('content-type')).toContain('application/problem+json');
  });
});
