import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { incompatibleChanges } from './compatibility.js';
import { EVENT_CONTRACTS } from './event-types.js';
import { eventJsonSchema } from './json-schema.js';
import { publishedFiles, schemaFilePath, SCHEMAS_DIRECTORY } from './published-files.js';
import { packageRoot } from './test-support/package-root.js';

const committed = (path: string) => readFileSync(join(packageRoot, path), 'utf8');

describe('the published contract files', () => {
  it('are committed exactly as the code generates them (run `npm run generate` after changing a contract)', () => {
    const stale = [...publishedFiles()].filter(([path, content]) => !existsSync(join(packageRoot, path)) || committed(path) !== content);
    expect(stale.map(([path]) => path)).toEqual([]);
  });

  it('keep the schema of every version ever published: none of them lacks its contract', () => {
    const generated = new Set(EVENT_CONTRACTS.map((c) => `${c.ceType}.json`));
    const files = readdirSync(join(packageRoot, SCHEMAS_DIRECTORY), { withFileTypes: true }).filter((entry) => entry.isFile());
    expect(files.map((entry) => entry.name).filter((file) => !generated.has(file))).toEqual([]);
  });

  it.each(EVENT_CONTRACTS.map((c) => [c.ceType, c] as const))(
    'change %s only compatibly; an incompatible change needs a new version and an upcaster',
    (ceType, contract) => {
      const path = schemaFilePath(ceType);
      if (!existsSync(join(packageRoot, path))) return; // a new version: nothing published yet to break
      expect(incompatibleChanges(JSON.parse(committed(path)), eventJsonSchema(contract))).toEqual([]);
    },
  );

  it.each(EVENT_CONTRACTS.map((c) => [c.ceType, c] as const))('publish %s tolerant: unknown properties allowed at every level', (_ceType, contract) => {
    const closed: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const schema = node as Record<string, unknown>;
      if (schema['type'] === 'object' && schema['additionalProperties'] !== true) closed.push(path || '(data)');
      for (const [name, inner] of Object.entries((schema['properties'] as Record<string, unknown> | undefined) ?? {})) visit(inner, `${path}.${name}`);
      visit(schema['items'], `${path}[]`);
    };
    visit(eventJsonSchema(contract), '');
    expect(closed).toEqual([]);
  });

  it('give each schema the URN that ce_dataschema carries as $id', () => {
    for (const contract of EVENT_CONTRACTS) {
      expect(JSON.parse(committed(schemaFilePath(contract.ceType)))).toMatchObject({
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: `urn:ecab:schema:${contract.ceType}`,
        description: contract.description,
      });
    }
  });
});
