import { Ajv2020 } from 'ajv/dist/2020.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_CONTRACTS, latestContract } from './event-types.js';
import { partnerSchemaFilePath } from './published-files.js';
import { packageRoot } from './test-support/package-root.js';

interface Fixture {
  key: string;
  headers: Record<string, string>;
  value: unknown;
}

/** Every latest partner-facing type that has a recorded Kafka fixture (a real encoded event). */
const partnerFacing = EVENT_CONTRACTS.filter((c) => c.partnerFacing && latestContract(c.type) === c);
const withFixture = partnerFacing
  .map((c) => ({ contract: c, dir: join(packageRoot, 'fixtures', c.ceType) }))
  .filter(({ dir }) => existsSync(dir))
  .map(({ contract, dir }) => {
    const [file] = readdirSync(dir);
    return [contract.ceType, JSON.parse(readFileSync(join(dir, file!), 'utf8')) as Fixture] as const;
  });

/** The integration event a partner would receive for a stored event, built here from the fixture's headers and value. */
function asPartnerEvent(fixture: Fixture): Record<string, unknown> {
  const h = fixture.headers;
  return {
    specversion: '1.0',
    id: h['ce_id'],
    source: '/ecab/portfolio/partners',
    type: h['ce_type'],
    subject: h['ce_subject'],
    time: h['ce_time'],
    datacontenttype: 'application/json',
    dataschema: h['ce_dataschema'],
    cluster: h['ce_cluster'] ?? 'programme',
    countries: 'KG,KZ',
    recorderrole: 'portfolio-secretariat',
    sequence: '42',
    data: typeof fixture.value === 'string' ? JSON.parse(fixture.value) : fixture.value,
  };
}

describe('the published partner event schemas (schemas/partner/<type>.json)', () => {
  // A validator of its own per schema file; the formats the schemas use, checked by their shape.
  const formats = { date: /^\d{4}-\d{2}-\d{2}$/, 'date-time': /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/ };
  const validator = (ceType: string) =>
    new Ajv2020({ strict: false, allErrors: true, formats }).compile(JSON.parse(readFileSync(join(packageRoot, partnerSchemaFilePath(ceType)), 'utf8')));

  it('exist for every latest partner-facing type and no other', () => {
    for (const contract of partnerFacing) expect(existsSync(join(packageRoot, partnerSchemaFilePath(contract.ceType)))).toBe(true);
    expect(withFixture.length).toBeGreaterThan(5);
  });

  it.each(withFixture)('accept the integration event of %s built from a recorded event', (ceType, fixture) => {
    const validate = validator(ceType);
    expect(validate(asPartnerEvent(fixture)) ? [] : validate.errors).toEqual([]);
  });

  it('refuse an event without data, with another type, or with a user name where the role belongs', () => {
    const [ceType, fixture] = withFixture[0]!;
    const validate = validator(ceType);
    const event = asPartnerEvent(fixture);
    const { data: _data, ...withoutData } = event;
    expect(validate(withoutData)).toBe(false);
    expect(validate({ ...event, type: 'ecab.project.issue-raised.v1' })).toBe(false);
    expect(validate({ ...event, recorderrole: 'test-admin' })).toBe(false);
  });
});
