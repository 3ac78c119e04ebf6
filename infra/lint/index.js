// The linting tools, handed to the repository's eslint.config.js from this workspace so that typescript-eslint is
// resolved here, beside the TypeScript 6 it parses with (infra/lint/node_modules/typescript). The rest of the
// repository compiles with TypeScript 7, whose package ships no JavaScript compiler API for typescript-eslint to load.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

export { default as js } from '@eslint/js';
export { default as globals } from 'globals';
export { default as jest } from 'eslint-plugin-jest';
export { default as tseslint } from 'typescript-eslint';

// typescript-eslint refuses TypeScript 7 by itself, but ts-api-utils, which its rules load, would take it silently:
// the root package.json's overrides keep both on TypeScript 6, and this stops the run if an install did otherwise.
const require = createRequire(import.meta.url);
const from = (name, dir) => dirname(require.resolve(name, { paths: [dir] }));
const estree = from('@typescript-eslint/typescript-estree', from('typescript-eslint', import.meta.dirname));
const apiUtils = from('ts-api-utils', from('@typescript-eslint/eslint-plugin', import.meta.dirname));
for (const dir of [estree, apiUtils]) {
  const { version } = require(require.resolve('typescript', { paths: [dir] }));
  if (!version.startsWith('6.')) throw new Error(`${dir} loads TypeScript ${version}; typescript-eslint needs 6.x (infra/lint/package.json)`);
}
