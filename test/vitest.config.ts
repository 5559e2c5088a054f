import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Gives the run an id, so the browser suites build the client once between them.
    globalSetup: ['test/browser/helpers/test-run-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The expected errors that failure-injection tests cause are not printed in a green run; a test that
    // expects one spies on `logger` (server/log/logger.ts). GONGBEI_LOG_LEVEL=debug shows them all.
    env: { GONGBEI_LOG_LEVEL: process.env.GONGBEI_LOG_LEVEL ?? 'silent' },
  },
})
