import { readFileSync } from 'node:fs';
import { COMMAND_ENDPOINTS } from '@ecab/portfolio-api';
import { EXPECTED_COMMANDS, type ExpectedCommand } from './expected-endpoints.js';

/** One command as a line to compare: method, path, status and who may send it. */
function line(c: Pick<ExpectedCommand, 'command' | 'method' | 'path' | 'status' | 'callers'>): string {
  return `${c.command}: ${c.method} ${c.path} → ${c.status}, ${c.callers}`;
}

/** The API's own table, read as the tests' list reads: `:param` as `{param}`, the programme's records (no project) as `programme`. */
const PROGRAMME_AGGREGATES = new Set(['programme', 'organisation', 'exchange-rates']);
const apiTable = COMMAND_ENDPOINTS.map((e) =>
  line({
    command: e.name as string,
    method: e.method.toUpperCase() as ExpectedCommand['method'],
    path: `/api/v1/${e.path.replace(/:([A-Za-z]+)/g, '{$1}')}`,
    status: e.creates ? 201 : 200,
    callers: PROGRAMME_AGGREGATES.has(e.aggregate as string) ? 'programme' : 'project',
  }),
);
const expected = EXPECTED_COMMANDS.map(line);

/**
 * The tests' list of commands (expected-endpoints.ts) against what the product says it has: the API's
 * command table (which makes its routes and its OpenAPI document) and docs/COMMANDS.md, in both directions.
 */
describe('the expected command list', () => {
  it('names 63 different commands on 63 different routes, as docs/COMMANDS.md counts', () => {
    expect(EXPECTED_COMMANDS).toHaveLength(63);
    expect(new Set(EXPECTED_COMMANDS.map((c) => c.command)).size).toBe(63);
    expect(new Set(EXPECTED_COMMANDS.map((c) => `${c.method} ${c.path}`)).size).toBe(63);
    for (const c of EXPECTED_COMMANDS) expect([c.command, c.events.length]).not.toEqual([c.command, 0]);
  });

  it('has every command of the API’s table, and the table every command of the list, with the same route, status and callers', () => {
    expect(apiTable.length).toBeGreaterThan(0);
    expect({ missingFromTheList: apiTable.filter((l) => !expected.includes(l)) }).toEqual({ missingFromTheList: [] });
    expect({ missingFromTheApiTable: expected.filter((l) => !apiTable.includes(l)) }).toEqual({ missingFromTheApiTable: [] });
    expect(apiTable).toHaveLength(expected.length);
  });

  it('matches docs/COMMANDS.md command by command, route and status, both ways', () => {
    const markdown = readFileSync(new URL('../../../docs/COMMANDS.md', import.meta.url), 'utf8');
    const documented = [...markdown.matchAll(/^\| `(\w+)` \| `(POST|PUT) (\S+)` \| (\d{3}) \|/gm)].map((m) => `${m[1]}: ${m[2]} ${m[3]} → ${m[4]}`);
    const listed = EXPECTED_COMMANDS.map((c) => `${c.command}: ${c.method} ${c.path} → ${c.status}`);
    expect(documented.length).toBeGreaterThan(0);
    expect({ missingFromTheList: documented.filter((d) => !listed.includes(d)) }).toEqual({ missingFromTheList: [] });
    expect({ missingFromTheDocs: listed.filter((l) => !documented.includes(l)) }).toEqual({ missingFromTheDocs: [] });
    expect(markdown).toContain(`${EXPECTED_COMMANDS.length} commands.`);
  });
});
