import type { AnyCommandEndpoint } from './command-endpoint.js';
import { COMMAND_ENDPOINTS } from './command-table.js';

/**
 * docs/COMMANDS.md, made from the command table: every command with its route, what it answers and
 * who may send it. A unit test fails when the file in the repository is not what this makes.
 */
export function commandsMarkdown(endpoints: readonly AnyCommandEndpoint[] = COMMAND_ENDPOINTS): string {
  const lines = [
    '# Commands',
    '',
    'Every command portfolio-api takes, made from its command table (`apps/portfolio-api/src/commands/command-table.ts`);',
    'regenerate with `npm run docs -w @ecab/portfolio-api`. The OpenAPI document with every body schema and an',
    'example is served at `/api/docs` (JSON: `/api/docs/openapi.json`).',
    '',
    'All routes are under `/api/v1` and need a bearer token. Project commands: `admin`, or a `program-manager`',
    'of the project’s cluster (or of every cluster). Programme records (programme, organisations, exchange rates): `admin`, or a',
    '`program-manager` of every cluster. Answers: the status below with `{id, projectId?, streamId, version,',
    'events, consistentWith}` and `ETag`; 400 every field’s problem; 401/403; 404 unknown project or record;',
    '409 `If-Match` conflict or already exists; 422 a broken rule with its `code` (all `application/problem+json`).',
    '',
    'Money lives on financing agreements. The project-level `RecordCommitment` and `RecordDisbursement` are shorthands:',
    'they act on the project’s only agreement with that financier, or open one, `<projectId>~<financier>`',
    '(`AgreementOpened`), when there is none (422 `FINANCIER_AGREEMENT_AMBIGUOUS` when there are several); their',
    'answer names the agreement stream (`streamId: agreement-…`, `consistentWith: agreement-…@<version>`).',
    '`RecordExchangeRates` writes one stream per currency; with several currencies the answer lists each in `streams`.',
    '',
  ];
  // Grouped by tag, tags in the order they first appear, commands in table order within a tag.
  const tags = [...new Set(endpoints.map((e) => e.tag))];
  for (const tag of tags) {
    lines.push(`## ${tag}`, '', '| command | route | answers | what it does |', '|---|---|---|---|');
    for (const endpoint of endpoints.filter((e) => e.tag === tag)) {
      const route = `${endpoint.method.toUpperCase()} /api/v1/${endpoint.path.replace(/:([A-Za-z]+)/g, '{$1}')}`;
      lines.push(`| \`${endpoint.name}\` | \`${route}\` | ${endpoint.creates ? 201 : 200} | ${endpoint.summary.replaceAll('|', '\\|')} |`);
    }
    lines.push('');
  }
  lines.push(`${endpoints.length} commands.`, '');
  return lines.join('\n');
}
