import { Ajv2020 } from 'ajv/dist/2020.js';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCloudEvent } from './cloudevents-kafka.js';
import { EVENT_CONTRACTS, latestContract, upcast } from './event-types.js';
import { eventJsonSchema } from './json-schema.js';
import { packageRoot } from './test-support/package-root.js';

/**
 * Recorded messages of every event version ever published, kept forever in fixtures/<ce_type>/: whatever
 * the contracts become, today's readers must still read every one of them.
 */
interface RecordedMessage {
  readonly key: string;
  readonly headers: Record<string, string>;
  readonly value: unknown;
}

const fixturesDirectory = join(packageRoot, 'fixtures');
const fixtures = readdirSync(fixturesDirectory).flatMap((ceType) =>
  readdirSync(join(fixturesDirectory, ceType)).map((file) => [`${ceType}/${file}`, ceType] as const),
);

const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { date: /^\d{4}-\d{2}-\d{2}$/ } });
const validatorOf = (type: string) => {
  const schema = eventJsonSchema(latestContract(type));
  return ajv.getSchema(schema['$id'] as string) ?? ajv.compile(schema);
};

describe('recorded messages of every event version', () => {
  it('exist for every event type and version', () => {
    const recorded = new Set(fixtures.map(([, ceType]) => ceType));
    expect(EVENT_CONTRACTS.map((c) => c.ceType).filter((ceType) => !recorded.has(ceType))).toEqual([]);
  });

  it.each(fixtures)('%s is read by the current code and matches the newest schema of its type', (path, ceType) => {
    const recorded = JSON.parse(readFileSync(join(fixturesDirectory, path), 'utf8')) as RecordedMessage;
    expect(recorded.headers['ce_type']).toBe(ceType);

    const event = upcast(decodeCloudEvent({ key: recorded.key, value: Buffer.from(JSON.stringify(recorded.value)), headers: recorded.headers }));

    const newest = latestContract(event.type);
    expect(event.schemaVersion).toBe(newest.schemaVersion);
    const validate = validatorOf(event.type);
    expect(validate(event.data) ? [] : validate.errors).toEqual([]);
    expect(newest.schema.safeParse(event.data).error?.issues ?? []).toEqual([]);
    expect(event.subject).toBe(recorded.key);
  });
});
