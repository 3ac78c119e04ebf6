// The linting tools, handed to the repository's eslint.config.js from this workspace so that typescript-eslint is
// resolved here, beside the TypeScript 6 it parses with (infra/lint/node_modules/typescript). The rest of the
// repository compiles with TypeScript 7, whose package ships no JavaScript compiler API for typescript-eslint to load.
// The root package.json's overrides keep ts-api-utils and eslint-plugin-jest on TypeScript 6 as well. An install that
// left any of them on TypeScript 7 fails loudly here: typescript-eslint refuses TS 7.0, and ts-api-utils fails to load.
export { default as js } from '@eslint/js';
export { default as globals } from 'globals';
export { default as jest } from 'eslint-plugin-jest';
export { default as tseslint } from 'typescript-eslint';
