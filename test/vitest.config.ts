import { fileURLToPath } from 'node:url'
import { configDefaults, defineConfig } from 'vitest/config'

/**
 * Files that measure the server against itself (a bound taken in the same run), kill or cut processes,
 * or drive Chromium: each runs alone, after the rest, so that no other test's load skews what it
 * measures or waits for.
 */
const alone = [
  'test/browser/**/*.test.ts',
  'test/bench/**/*.test.ts',
  'test/server/hostile/**/*.test.ts',
  'test/server/cluster/**/*.test.ts',
  'test/server/collab/flood.test.ts',
  'test/server/collab/crash.test.ts',
  'test/server/collab/update-cost.test.ts',
  'test/server/http/web-surface.test.ts',
  'test/server/export/**/*.test.ts',
  'test/server/store/wal-checkpoint.test.ts',
]

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    // Gives the run an id, so the browser suites build the client once between them.
    globalSetup: ['test/browser/helpers/test-run-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // The expected errors that failure-injection tests cause are not printed in a green run; a test that
    // expects one spies on `logger` (server/log/logger.ts). GONGBEI_LOG_LEVEL=debug shows them all.
    env: { GONGBEI_LOG_LEVEL: process.env.GONGBEI_LOG_LEVEL ?? 'silent' },
    projects: [
      {
        extends: true,
        test: {
          name: 'side-by-side',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, ...alone],
          // Two at a time even on two cores: most of these wait on sockets, disks and timers.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: { name: 'alone', include: alone, maxWorkers: 1, sequence: { groupOrder: 1 } },
      },
    ],
  },
})
