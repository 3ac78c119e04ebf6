import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMAND_ENDPOINTS } from './command-table.js';
import { commandsMarkdown } from './commands-doc.js';

const published = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'docs', 'COMMANDS.md');

describe('docs/COMMANDS.md', () => {
  it('is what the command table makes (run `npm run docs -w @ecab/portfolio-api` after changing a command)', () => {
    expect(readFileSync(published, 'utf8')).toBe(commandsMarkdown());
  });

  it('lists every command once', () => {
    const text = commandsMarkdown();
    for (const endpoint of COMMAND_ENDPOINTS) expect(text.split(`| \`${endpoint.name}\` |`)).toHaveLength(2);
  });
});
