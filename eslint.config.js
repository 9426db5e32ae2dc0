/**
 * ESLint (`pnpm lint`, a CI step): the recommended JavaScript and
 * TypeScript rules, fitted to the house style, plus the rules the code's
 * `eslint-disable` comments name (`no-new-func`); a disable comment that
 * matches no problem is itself an error.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'tests/runtimes/.build/**', '**/*.d.ts', 'packages/core/src/docs/bundled/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // The rules the code's disable comments name. Code generation is an
      // optimisation with a fallback, and each use says so; unreachable code
      // is left to TypeScript by typescript-eslint, but a test keeps some on purpose.
      'no-new-func': 'error',
      'no-unreachable': 'error',
      // The house style: `any` where a value's type is the caller's business (dependency functions, handlers).
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `{}` is the type of a dependency with no inputs.
      '@typescript-eslint/no-empty-object-type': 'off',
      // Declaration merging of a class and a namespace is not used; `Function` is (handler names).
      '@typescript-eslint/no-unsafe-function-type': 'off',
    },
  },
  {
    // Type tests declare values only to read their types.
    files: ['**/*.test-d.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', require: 'readonly', module: 'writable' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
