// Writes docs/COMMANDS.md from the built command table (npm run docs -w @ecab/portfolio-api).
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { commandsMarkdown } from '../dist/commands/commands-doc.js';

const target = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'docs', 'COMMANDS.md');
writeFileSync(target, commandsMarkdown());
console.log(`wrote ${target}`);
