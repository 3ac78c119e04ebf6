import { cleanUp, createTestDatabase, deleteTopicsWithPrefix, testKafkaBrokers, uniqueTopicPrefix, type TestDatabase } from '@ecab/testing';
import { authorization, postJson, startApp, type AppProcess } from './platform-process.js';

/** The road project the reporting specs open with: in transport, shared by Kazakhstan and Kyrgyzstan. */
export const ROAD = 'ECAB-TR-01';
export const ROAD_AGREEMENT = 'ECAB-TR-01-F1';
export const ROAD_CLUSTER = 'transport';
export const ROAD_COUNTRIES = [
  { code: 'KZ', percentage: 59.4 },
  { code: 'KG', percentage: 40.6 },
] as const;
/** ADB, the road agreement's financier, and the agreement's dates. */
export const ADB = { organisationId: 'XM-DAC-46004', name: 'Asian Development Bank' };
export const ROAD_AGREEMENT_SIGNED = '2025-03-10';
export const ROAD_AGREEMENT_EFFECTIVE = '2025-03-15';
export const confirmed = (citation: string) => ({ citation, confidence: 'confirmed' });

/** portfolio-api and reporting (plus any further reporting instances) of one spec on Kafka, with its own database and topics. */
export interface ReportingPlatform {
  database: TestDatabase;
  prefix: string;
  api: AppProcess;
  reporting: AppProcess;
  /** The further reporting instances asked for, each with a consumer group of its own. */
  others: AppProcess[];
  /** POSTs a command to portfolio-api as the run's admin; throws unless it answers 200 or 201. */
  send(path: string, body: unknown): Promise<void>;
  /** PUTs a command; throws unless 200. */
  put(path: string, body: unknown): Promise<void>;
  /** Sends the opening every reporting spec starts from (openingCommands). */
  open(options?: OpeningOptions): Promise<void>;
  /** Stops every app, drops the database and deletes the topics (every step, even if one fails). */
  stop(): Promise<void>;
}

/**
 * Starts portfolio-api and reporting the way the reporting specs need them: `name` names the database and the
 * topics; `reporting` adds to reporting's environment; each entry of `others` starts one more reporting instance
 * (e.g. without Chromium) with that environment added. An app that fails to start stops what was started.
 */
export async function startReportingPlatform(
  name: string,
  options: { reporting?: Record<string, string>; others?: Record<string, string>[] } = {},
): Promise<ReportingPlatform> {
  const prefix = uniqueTopicPrefix(name);
  const database = await createTestDatabase(`e2e_${name.replaceAll('-', '_')}`);
  const env = { DATABASE_URL: database.url, KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, KAFKA_PARTITIONS: '3' };
  const started: AppProcess[] = [];
  const stop = (): Promise<void> =>
    cleanUp(
      ...[...started].reverse().map((app) => () => app.stop()),
      () => database.drop(),
      () => deleteTopicsWithPrefix(prefix),
    );
  try {
    const api = await startApp('portfolio-api', env);
    started.push(api);
    const reporting = await startApp('reporting', { ...env, REPORTING_CONSUMER_GROUP: `${prefix}reporting`, ...options.reporting });
    started.push(reporting);
    const others: AppProcess[] = [];
    for (const [index, extra] of (options.others ?? []).entries()) {
      const other = await startApp('reporting', { ...env, REPORTING_CONSUMER_GROUP: `${prefix}reporting-${index + 2}`, ...extra });
      started.push(other);
      others.push(other);
    }
    const send = async (path: string, body: unknown): Promise<void> => {
      const answer = await postJson(`${api.url}/api/v1/${path}`, body);
      if (answer.status !== 200 && answer.status !== 201) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    };
    const put = async (path: string, body: unknown): Promise<void> => {
      const response = await fetch(`${api.url}/api/v1/${path}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...authorization() },
        body: JSON.stringify(body),
      });
      if (response.status !== 200) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    };
    const open = async (opening: OpeningOptions = {}) => {
      for (const [path, body] of openingCommands(opening)) await send(path, body);
    };
    return { database, prefix, api, reporting, others, send, put, open, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

export interface OpeningOptions {
  /** The programme's clusters (transport, the road's, is always one). */
  clusters?: string[];
  /** Fields the road agreement adds (e.g. providerActivityId). */
  agreement?: Record<string, unknown>;
}

/**
 * The commands every reporting spec starts from, in order: the programme, ADB as an organisation, the road project
 * (transport; KZ 59.4 %, KG 40.6 %), its grant agreement with ADB (USD 1.5m, signed ROAD_AGREEMENT_SIGNED) and the
 * agreement's effectiveness (ROAD_AGREEMENT_EFFECTIVE). Each spec's expectations are worked out from these constants.
 */
export function openingCommands(options: OpeningOptions = {}): [string, unknown][] {
  return [
    [
      'programmes',
      {
        programmeId: 'ECAB',
        names: { en: 'Economic Corridor Almaty–Bishkek', ru: 'Экономический коридор Алматы–Бишкек' },
        aliases: ['ABEC'],
        clusters: [...new Set([ROAD_CLUSTER, ...(options.clusters ?? [])])],
        effectiveDate: '2014-11-06',
      },
    ],
    ['organisations', { organisationId: ADB.organisationId, names: { en: ADB.name }, iatiOrgId: ADB.organisationId, type: '40' }],
    ['projects', { id: ROAD, title: 'Almaty–Issyk-Kul road: feasibility study', cluster: ROAD_CLUSTER, countries: ROAD_COUNTRIES }],
    [
      `projects/${ROAD}/agreements`,
      {
        id: ROAD_AGREEMENT,
        agreementNumber: 'G0999',
        financier: ADB,
        instrument: 'grant',
        financeType: '110',
        flowType: '10',
        aidType: 'C01',
        amount: '1500000.00',
        currency: 'USD',
        signedDate: ROAD_AGREEMENT_SIGNED,
        source: confirmed('grant agreement'),
        ...options.agreement,
      },
    ],
    [`agreements/${ROAD_AGREEMENT}/effectiveness`, { effectivenessDate: ROAD_AGREEMENT_EFFECTIVE }],
  ];
}
