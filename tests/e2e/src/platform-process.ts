import {
  authHeaders,
  cleanUp,
  createTestDatabase,
  deleteTopicsWithPrefix,
  startApp,
  testKafkaBrokers,
  uniqueTopicPrefix,
  type AppProcess,
  type TestDatabase,
} from '@ecab/testing';

/** The built apps as processes, from @ecab/testing (shared with the fault drills); JSON helpers below. */
export { ADMIN, startApp, tokenFor, type AppProcess } from '@ecab/testing';

/** The Authorization header of the run's admin (after the first portfolio-api started). */
export const authorization = authHeaders;

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<JsonResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization(), ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

export async function getJson(url: string, headers: Record<string, string> = authorization()): Promise<JsonResponse> {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

/** portfolio-api and portfolio-views of one spec on Kafka: a database and topics of their own. */
export interface KafkaPlatform {
  database: TestDatabase;
  /** The spec's topic prefix (its topics are deleted at the end). */
  prefix: string;
  api: AppProcess;
  views: AppProcess;
  /** Stops both apps, drops the database and deletes the topics (every step, even if one fails). */
  stop(): Promise<void>;
}

/**
 * Starts the two apps the way most specs need them: `name` names the database and the topics; `api` and
 * `views` add to each app's environment. An app that fails to start stops what was started.
 */
export async function startKafkaPlatform(
  name: string,
  options: { partitions?: number; api?: Record<string, string>; views?: Record<string, string> } = {},
): Promise<KafkaPlatform> {
  const prefix = uniqueTopicPrefix(name);
  const database = await createTestDatabase(`e2e_${name.replaceAll('-', '_')}`);
  const env = {
    DATABASE_URL: database.url,
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: prefix,
    KAFKA_PARTITIONS: String(options.partitions ?? 3),
  };
  const started: AppProcess[] = [];
  const stop = (): Promise<void> =>
    cleanUp(
      ...started.reverse().map((app) => () => app.stop()),
      () => database.drop(),
      () => deleteTopicsWithPrefix(prefix),
    );
  try {
    const api = await startApp('portfolio-api', { ...env, ...options.api });
    started.push(api);
    const views = await startApp('portfolio-views', { ...env, VIEWS_CONSUMER_GROUP: `${prefix}views`, ...options.views });
    started.push(views);
    return { database, prefix, api, views, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}
