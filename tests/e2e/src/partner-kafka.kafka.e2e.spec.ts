import { clusterTopic } from '@ecab/contracts';
import { testKafkaBrokers, waitFor } from '@ecab/testing';
import { Kafka, logLevel, type KafkaMessage } from 'kafkajs';
import { PARTNER_TYPES, recordProjectHistory, sendCommand, type SentEvent } from './partners.js';
import { authorization, getJson, postJson, startApp, startKafkaPlatform, type AppProcess, type KafkaPlatform } from './platform-process.js';

/** Partner A (health, KG) may see the first project only. */
const PROJECTS = [
  { id: 'ECAB-HE-81', cluster: 'health', countries: [{ code: 'KG', percentage: 100 }] },
  { id: 'ECAB-HE-82', cluster: 'health', countries: [{ code: 'KZ', percentage: 100 }] },
  { id: 'ECAB-TR-83', cluster: 'transport', countries: [{ code: 'KG', percentage: 100 }] },
];

interface Credential {
  username: string;
  password: string;
  mechanism: string;
  bootstrapServers: string[];
  groupPrefix: string;
  topics: string[];
}

/** The partner listener: the platform listener's port + 2, as infra/kafka sets it up. */
const partnerBrokers = () => testKafkaBrokers().map((broker) => broker.replace(/:(\d+)$/, (_, port: string) => `:${Number(port) + 2}`));

/**
 * A partner's client. `refused` collects the broker's error codes that kafkajs only logs: it answers a refused
 * FindCoordinator (GROUP_AUTHORIZATION_FAILED) with its own KafkaJSGroupCoordinatorNotFound.
 */
function asPartner(username: string, password: string, refused: string[] = []): Kafka {
  return new Kafka({
    clientId: 'e2e-partner',
    brokers: partnerBrokers(),
    sasl: { mechanism: 'scram-sha-512', username, password },
    logLevel: logLevel.DEBUG,
    logCreator: () => (entry) => {
      const type = (entry.log.error as { type?: unknown } | undefined)?.type;
      if (typeof type === 'string') refused.push(type);
    },
    retry: { retries: 0 },
  });
}

/** Reads a topic from the beginning until `count` messages came, then lingers to catch extra ones. */
async function consume(kafka: Kafka, topic: string, groupId: string, count: number): Promise<KafkaMessage[]> {
  const consumer = kafka.consumer({ groupId, retry: { retries: 0 } });
  const read: KafkaMessage[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const deadline = setTimeout(() => reject(new Error(`read ${read.length} of ${count} messages of ${topic}`)), 60_000);
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error));
      void consumer.run({
        eachMessage: async ({ message }) => {
          read.push(message);
          if (read.length === count) {
            clearTimeout(deadline);
            setTimeout(resolve, 1000);
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return read;
}

/** What the broker answers a consumer of this topic in this group: the error's type, or "ok". */
async function refusal(kafka: Kafka, topic: string, groupId: string): Promise<string> {
  const consumer = kafka.consumer({ groupId, retry: { retries: 0, restartOnFailure: async () => false } });
  try {
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    const crashed = new Promise<unknown>((resolve) => consumer.on(consumer.events.CRASH, ({ payload }) => resolve(payload.error)));
    const joined = new Promise<string>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve('ok')));
    await consumer.run({ eachMessage: async () => undefined });
    const outcome = await Promise.race([crashed, joined]);
    return typeof outcome === 'string' ? outcome : String((outcome as { type?: string; name?: string }).type ?? (outcome as Error).name);
  } catch (error) {
    return String((error as { type?: string; name?: string }).type ?? (error as Error).name);
  } finally {
    await consumer.disconnect().catch(() => undefined);
  }
}

/**
 * Direct Kafka on the real broker: a partner's SCRAM credential on the partner listener reads its own topic of
 * each entitled cluster, with exactly its entitled integration events in order, and nothing else.
 */
describe('partner gateway: direct Kafka with SCRAM and per-partner ACLs', () => {
  let platform: KafkaPlatform;
  let gateway: AppProcess;
  let credentialA: Credential;
  const sent: SentEvent[] = [];

  const admin = (path: string, body?: unknown) =>
    body === undefined ? getJson(`${gateway.url}/api/v1/admin/partners${path}`) : postJson(`${gateway.url}/api/v1/admin/partners${path}`, body);

  const command = async (path: string, body: unknown, method?: 'PUT') => void sent.push(...(await sendCommand(platform.api.url, path, body, method)));

  beforeAll(async () => {
    platform = await startKafkaPlatform('partner-kafka', { partitions: 3 });
    gateway = await startApp('partner-gateway', {
      DATABASE_URL: platform.database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: platform.prefix,
      KAFKA_PARTITIONS: '3',
      GATEWAY_CONSUMER_GROUP: `${platform.prefix}gateway`,
      PARTNER_TOPIC_POLL_MS: '100',
    });
  });

  afterAll(async () => {
    await gateway?.stop();
    await platform?.stop();
  });

  it('an admin gives partners a SCRAM credential, shown once, with their topics and group prefix', async () => {
    const entitlements = (clusters: string[]) => ({ clusters, countries: ['KG'], eventTypes: PARTNER_TYPES, audiences: ['government'] });
    expect((await admin('', { organisationId: 'KG-MOH', name: 'Ministry of Health (KG)', entitlements: entitlements(['health']) })).status).toBe(201);
    expect(
      (await admin('', { organisationId: 'KG-MOT', name: 'Ministry of Transport (KG)', entitlements: entitlements(['health', 'transport']) })).status,
    ).toBe(201);
    const granted = await admin('/KG-MOH/kafka-credential', {});
    expect(granted.status).toBe(201);
    expect(granted.headers.get('cache-control')).toBe('no-store');
    credentialA = granted.body as unknown as Credential;
    expect(credentialA).toMatchObject({
      mechanism: 'SCRAM-SHA-512',
      username: `${platform.prefix}partner-KG-MOH`,
      groupPrefix: `${platform.prefix}partner-KG-MOH:`,
      topics: [`${platform.prefix}ecab.partner.KG-MOH.health.v1`],
      bootstrapServers: partnerBrokers(),
    });
    expect((await admin('/KG-MOT/kafka-credential', {})).status).toBe(201);
    expect(JSON.stringify((await admin('/KG-MOH')).body)).not.toContain(credentialA.password);
    expect((await admin('/NOBODY/kafka-credential', {})).status).toBe(404);
  });

  it('records projects through the API', async () => {
    for (const project of PROJECTS) await recordProjectHistory(command, project);
    expect(sent.some((event) => !event.partnerFacing)).toBe(true);
  });

  it('partner A consumes exactly its entitled integration events from its health topic, in order, without user names', async () => {
    const expected = sent.filter((e) => e.partnerFacing && e.subject === 'ECAB-HE-81');
    const kafka = asPartner(credentialA.username, credentialA.password);
    const read = await consume(kafka, credentialA.topics[0]!, `${credentialA.groupPrefix}e2e`, expected.length);
    const events = read.map((message) => JSON.parse(String(message.value)) as Record<string, unknown>);
    expect(events.map((e) => [e.subject, e.type])).toEqual(expected.map((e) => [e.subject, e.ceType]));
    expect(read.every((message) => String(message.key) === 'ECAB-HE-81')).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(events.every((e) => e.recorderrole === 'portfolio-secretariat' && e.cluster === 'health' && e.countries === 'KG')).toBe(true);
    expect(JSON.stringify(events)).not.toContain('test-admin');
    expect(events.find((e) => e.type === 'ecab.project.date-recorded.v1')?.illustrative).toBe('true');
  });

  it('partner A may not read another cluster, another partner’s topic or an internal topic, nor use a group outside its prefix', async () => {
    const refused: string[] = [];
    const kafka = asPartner(credentialA.username, credentialA.password, refused);
    const group = `${credentialA.groupPrefix}refused`;
    expect(await refusal(kafka, `${platform.prefix}ecab.partner.KG-MOH.transport.v1`, group)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await refusal(kafka, `${platform.prefix}ecab.partner.KG-MOT.health.v1`, group)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await refusal(kafka, `${platform.prefix}${clusterTopic('health')}`, group)).toBe('TOPIC_AUTHORIZATION_FAILED');
    refused.length = 0;
    expect(await refusal(kafka, credentialA.topics[0]!, `${platform.prefix}partner-KG-MOH-analytics`)).toBe('KafkaJSGroupCoordinatorNotFound');
    expect(refused).toContain('GROUP_AUTHORIZATION_FAILED');
  });

  it('a wrong password fails authentication; a revoked credential too', async () => {
    const connect = async (password: string) => {
      const client = asPartner(credentialA.username, password).admin();
      try {
        await client.connect();
        return 'connected';
      } catch (error) {
        return (error as Error).name;
      } finally {
        await client.disconnect().catch(() => undefined);
      }
    };
    expect(await connect(`${credentialA.password}x`)).toBe('KafkaJSSASLAuthenticationError');
    expect(await connect(credentialA.password)).toBe('connected');
    expect((await fetch(`${gateway.url}/api/v1/admin/partners/KG-MOH/kafka-credential`, { method: 'DELETE', headers: authorization() })).status).toBe(204);
    expect((await admin('/KG-MOH')).body.kafkaSince).toBeNull();
    await waitFor(async () => ((await connect(credentialA.password)) === 'KafkaJSSASLAuthenticationError' ? true : undefined), {
      description: 'the revoked credential refused',
      timeoutMs: 10_000,
    });
    expect((await fetch(`${gateway.url}/api/v1/admin/partners/KG-MOT/kafka-credential`, { method: 'DELETE', headers: authorization() })).status).toBe(204);
  });
});
