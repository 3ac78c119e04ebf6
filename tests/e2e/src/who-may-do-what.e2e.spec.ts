import { createTestDatabase, type TestDatabase } from '@ecab/testing';
import { DataSource } from 'typeorm';
import { CALLER_PASSWORD, callerTokens, type Caller } from './callers.js';
import { EXPECTED_OTHER_OPERATIONS, type ExpectedOperation } from './expected-endpoints.js';
import { ADMIN, startApp, type AppProcess } from './platform-process.js';

/**
 * Every endpoint × every kind of caller, on the real apps: reads for any role, commands for program
 * managers of the project's cluster (or all clusters) and admins, parked-message operations for admins.
 */
describe('who may do what', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let api: AppProcess;
  let views: AppProcess;
  let tokens: Map<Caller, string | undefined>;
  let sequence = 0;

  beforeAll(async () => {
    database = await createTestDatabase('e2e_roles');
    api = await startApp('portfolio-api', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    views = await startApp('portfolio-views', { DATABASE_URL: database.url, KAFKA_BROKERS: undefined });
    dataSource = new DataSource({ type: 'postgres', url: database.url });
    await dataSource.initialize();
    tokens = await callerTokens(api.url);
    // Two projects to act on, one per cluster, registered by the admin.
    for (const [id, cluster] of [
      ['ROLE-TR', 'transport'],
      ['ROLE-HE', 'health'],
    ] as const) {
      const status = await send('admin', 'POST', `${api.url}/api/v1/projects`, {
        id,
        title: `Project ${id}`,
        cluster,
        countries: [{ code: 'KG', percentage: 100 }],
      });
      expect(status).toBe(201);
      const committed = await send('admin', 'POST', `${api.url}/api/v1/projects/${id}/commitments`, {
        amount: '1000000.00',
        currency: 'USD',
        date: '2024-01-10',
        financier: 'XM-DAC-46004',
      });
      expect(committed).toBe(201);
    }
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await views?.stop();
    await api?.stop();
    await database?.drop();
  });

  async function send(caller: Caller, method: string, url: string, body?: unknown): Promise<number> {
    const token = tokens.get(caller);
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (response.status === 401 || response.status === 403) {
      expect(response.headers.get('content-type')).toContain('application/problem+json');
    }
    await response.arrayBuffer();
    return response.status;
  }

  const money = { amount: '1.00', currency: 'USD', date: '2024-02-01', financier: 'XM-DAC-46004' };
  const endpoints: { name: string; call: (caller: Caller) => Promise<number>; expected: Record<Caller, number> }[] = [
    {
      name: 'register a transport project',
      call: (caller) =>
        send(caller, 'POST', `${api.url}/api/v1/projects`, {
          id: `NEW-TR-${++sequence}`,
          title: 'New',
          cluster: 'transport',
          countries: [{ code: 'KZ', percentage: 100 }],
        }),
      expected: { anonymous: 401, viewer: 403, 'pm-transport': 201, 'pm-health': 403, 'pm-all': 201, admin: 201 },
    },
    {
      name: 'record a commitment on a transport project',
      call: (caller) => send(caller, 'POST', `${api.url}/api/v1/projects/ROLE-TR/commitments`, money),
      expected: { anonymous: 401, viewer: 403, 'pm-transport': 201, 'pm-health': 403, 'pm-all': 201, admin: 201 },
    },
    {
      name: 'record a disbursement on a health project',
      call: (caller) => send(caller, 'POST', `${api.url}/api/v1/projects/ROLE-HE/disbursements`, money),
      expected: { anonymous: 401, viewer: 403, 'pm-transport': 403, 'pm-health': 201, 'pm-all': 201, admin: 201 },
    },
    {
      name: 'record exchange rates (programme-wide reference data)',
      call: (caller) =>
        send(caller, 'POST', `${api.url}/api/v1/reference/exchange-rates`, {
          rates: [{ currency: 'KZT', date: '2024-02-01', usdPerUnit: `0.00222${++sequence}` }],
        }),
      expected: { anonymous: 401, viewer: 403, 'pm-transport': 403, 'pm-health': 403, 'pm-all': 201, admin: 201 },
    },
    {
      name: 'read the portfolio summary',
      call: (caller) => send(caller, 'GET', `${views.url}/api/v1/portfolio/summary`),
      expected: { anonymous: 401, viewer: 200, 'pm-transport': 200, 'pm-health': 200, 'pm-all': 200, admin: 200 },
    },
    {
      name: 'read a project',
      // The project's own stream holds its registration; its money is on its agreement with ADB.
      call: (caller) => send(caller, 'GET', `${views.url}/api/v1/projects/ROLE-TR?consistentWith=ROLE-TR:1`),
      expected: { anonymous: 401, viewer: 200, 'pm-transport': 200, 'pm-health': 200, 'pm-all': 200, admin: 200 },
    },
    {
      name: 'list parked messages',
      call: (caller) => send(caller, 'GET', `${views.url}/api/v1/admin/parked-messages`),
      expected: { anonymous: 401, viewer: 403, 'pm-transport': 403, 'pm-health': 403, 'pm-all': 403, admin: 200 },
    },
    {
      name: 'retry a project’s parked messages',
      call: (caller) => send(caller, 'POST', `${views.url}/api/v1/admin/parked-messages/ROLE-TR/retry`, {}),
      expected: { anonymous: 401, viewer: 403, 'pm-transport': 403, 'pm-health': 403, 'pm-all': 403, admin: 404 },
    },
    {
      name: 'skip a parked message for good',
      call: (caller) => send(caller, 'DELETE', `${views.url}/api/v1/admin/parked-messages/1`),
      expected: { anonymous: 401, viewer: 403, 'pm-transport': 403, 'pm-health': 403, 'pm-all': 403, admin: 404 },
    },
    {
      name: 'list the relay’s parked events (portfolio-api; no relay without Kafka)',
      call: (caller) => send(caller, 'GET', `${api.url}/api/v1/admin/parked-messages`),
      expected: { anonymous: 401, viewer: 403, 'pm-transport': 403, 'pm-health': 403, 'pm-all': 403, admin: 404 },
    },
    {
      name: 'read health, metrics and the AsyncAPI document',
      call: async (caller) =>
        Math.max(...(await Promise.all(['/health', '/metrics', '/api/asyncapi.json'].map((path) => send(caller, 'GET', `${api.url}${path}`))))),
      expected: { anonymous: 200, viewer: 200, 'pm-transport': 200, 'pm-health': 200, 'pm-all': 200, admin: 200 },
    },
  ];

  it.each(endpoints.map((e) => [e.name, e] as const))('%s', async (_name, endpoint) => {
    const actual: Partial<Record<Caller, number>> = {};
    for (const caller of Object.keys(endpoint.expected) as Caller[]) actual[caller] = await endpoint.call(caller);
    expect(actual).toEqual(endpoint.expected);
  });

  /** A request body that gets past validation where one is needed to see the success status (signing in). */
  function bodyFor(operation: ExpectedOperation): unknown {
    if (operation.method === 'GET' || operation.method === 'DELETE') return undefined;
    return operation.path === '/api/v1/auth/token' ? { username: 'viewer', password: CALLER_PASSWORD } : {};
  }

  // The API's operations other than commands, as the tests' list says who may call them (the commands are
  // every-command's): anyone gets the success answer; the others are refused to whoever the list leaves out.
  it('lets only the callers the list names call the API’s other operations', async () => {
    expect(EXPECTED_OTHER_OPERATIONS.length).toBeGreaterThan(0);
    const actual: Record<string, Partial<Record<Caller, number>>> = {};
    const expected: Record<string, Partial<Record<Caller, number>>> = {};
    for (const operation of EXPECTED_OTHER_OPERATIONS) {
      const name = `${operation.method} ${operation.path}`;
      const url = `${api.url}${operation.path.replace(/\{[A-Za-z]+\}/g, 'viewer')}`;
      const refused: Partial<Record<Caller, number>> =
        operation.callers === 'anyone'
          ? { anonymous: operation.status }
          : operation.callers === 'signed-in'
            ? { anonymous: 401 }
            : { anonymous: 401, viewer: 403, 'pm-transport': 403, 'pm-all': 403 };
      expected[name] = refused;
      const answers: Partial<Record<Caller, number>> = {};
      for (const caller of Object.keys(refused) as Caller[]) answers[caller] = await send(caller, operation.method, url, bodyFor(operation));
      actual[name] = answers;
    }
    expect(actual).toEqual(expected);
  });

  it('records who sent each command in the event metadata', async () => {
    const rows: { actor: string }[] = await dataSource.query(
      "select metadata->>'actor' as actor from events where stream_id = 'agreement-ROLE-HE~XM-DAC-46004' order by stream_version",
    );
    expect(rows.map((r) => r.actor)).toEqual(expect.arrayContaining([ADMIN.username, 'pm-health', 'pm-all']));
  });

  it('answers a bad or missing token with 401 and a forged one too', async () => {
    const forged = `${tokens.get('viewer')!.slice(0, -4)}AAAA`;
    const response = await fetch(`${views.url}/api/v1/portfolio/summary`, { headers: { authorization: `Bearer ${forged}` } });
    expect(response.status).toBe(401);
  });
});
