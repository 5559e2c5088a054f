/**
 * One lint configuration for the whole package. Rules that need types run through the TypeScript
 * project service (the same `tsconfig.json` as `npm run typecheck`), so tests are linted as strictly as
 * the code they test.
 */
import js from '@eslint/js'
import { defineConfig, globalIgnores } from 'eslint/config'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

export default defineConfig(
  globalIgnores(['client/dist/', 'build/', 'data/', 'test-results/', '.scratch*/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // The configuration files at the root are not part of `tsconfig.json`.
        projectService: { allowDefaultProject: ['*.js'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.node },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `tsc` already reports these (noUnusedLocals, noUnusedParameters), with the same `_` convention.
      '@typescript-eslint/no-unused-vars': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, allowDefaultCaseForExhaustiveSwitch: true },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      '@typescript-eslint/no-base-to-string': [
        'error',
        // Yjs's shared types print their content, though their declarations do not say so.
        { ignoredTypeNames: ['Error', 'RegExp', 'URL', 'URLSearchParams', 'YText', 'YXmlFragment', 'YXmlElement'] },
      ],
      // An async function without `await` still turns its throws into rejections, which callers rely on.
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    // The server logs through `server/log/logger.ts` (docs/ARCHITECTURE.md, LOG-1); `launch/` runs before
    // anything is built, so it has only the console.
    files: ['server/**/*.ts'],
    rules: {
      'no-console': 'error',
      // One AsyncLocalStorage switches on promise hooks for the whole process on Node 20 (docs/ARCHITECTURE.md, LOG-1).
      'no-restricted-imports': [
        'error',
        {
          paths: ['async_hooks', 'node:async_hooks'].map((name) => ({ name, message: 'pass a child logger instead' })),
        },
      ],
    },
  },
  {
    files: ['client/**/*.{ts,tsx}', 'test/browser/**/*.ts', 'test/client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['client/**/*.{ts,tsx}', 'test/client/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
  },
)
