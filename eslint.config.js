// ESLint for `npm run lint` (after oxlint, .oxlintrc.json): typescript-eslint's parser and recommended rules over the
// TypeScript and JavaScript sources, and Jest's rules over the specs. The tools come from the infra/lint workspace,
// which resolves them with the TypeScript 6 they need (infra/lint/index.js). Which module may import which is
// dependency-cruiser's part (.dependency-cruiser.cjs), so no import rules here. Any problem, warnings too, fails the run.
import { globals, jest, js, tseslint } from '@ecab/lint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '.data/**', 'reports/**', '.stryker-tmp/**', 'infra/kafka/lib/**', 'infra/kafka/data/**'] },
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: {
      // `const { secret: _secret, ...rest } = x` is how the code leaves a property out of a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_' }],
      // The house rule is ~300 lines a file (README); this stops a file drifting far past it.
      'max-lines': ['error', { max: 600 }],
    },
  },
  {
    files: ['apps/*/src/client/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
  },
  {
    // The house rules for tests: none skipped, none that cannot fail (a test with no assertion, an `expect` without a
    // matcher or not awaited). Jest's other recommended rules are about style, and are not run.
    files: ['**/*.spec.{ts,tsx}'],
    plugins: { jest },
    rules: {
      'jest/no-disabled-tests': 'error',
      'jest/no-focused-tests': 'error',
      'jest/no-commented-out-tests': 'error',
      'jest/valid-expect': 'error',
      'jest/valid-expect-in-promise': 'error',
      // Besides expect: the domain's given(…).when(…).then(…) / .thenThrows(…) (packages/domain/src/testing/decider-spec.ts),
      // and fast-check's fc.assert, which fails when the property's own expect does.
      'jest/expect-expect': ['error', { assertFunctionNames: ['expect', 'expect*', 'given*.**.then', '**.thenThrows', 'fc.assert'] }],
    },
  },
);
