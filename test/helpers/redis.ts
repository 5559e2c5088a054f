/**
 * Redis for tests, at `GONGBEI_TEST_REDIS_URL` (`redis://127.0.0.1:6379` by default). Each test takes
 * its own channel and key prefix (`redisPrefix()`). The servers publish and subscribe, and keep keys
 * only for limits and the first-run token (SCALE-8, SCALE-9), each expiring with its window; a test that
 * makes them deletes them.
 *
 * A suite asks `await redisSuiteEnabled('…')` at the top of its file, as with PostgreSQL
 * (`postgres.ts`): without a server it is skipped with a printed line, unless `GONGBEI_REQUIRE_REDIS=1`
 * (CI), where the missing server fails the run.
 */
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'

export const testRedisUrl = process.env.GONGBEI_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

let availability: Promise<string | null> | undefined

/** Why the tests' Redis cannot be used, or null when it answers; asked once per process. */
export function redisUnavailable(): Promise<string | null> {
  availability ??= (async () => {
    const client = new Redis(testRedisUrl, { lazyConnect: true, connectTimeout: 2_000, retryStrategy: () => null })
    client.on('error', () => {})
    try {
      await client.connect()
      await client.ping()
      return null
    } catch (error) {
      return error instanceof Error ? error.message : String(error)
    } finally {
      client.disconnect()
    }
  })()
  return availability
}

export async function redisSuiteEnabled(suite: string): Promise<boolean> {
  const reason = await redisUnavailable()
  if (reason === null) return true
  const where = new URL(testRedisUrl).host
  if (process.env.GONGBEI_REQUIRE_REDIS === '1') {
    throw new Error(
      `${suite}: Redis is required (GONGBEI_REQUIRE_REDIS=1), but no server answers at ${where}: ${reason}`,
    )
  }
  console.warn(`SKIPPED: ${suite} — no Redis server at ${where} (${reason}); set GONGBEI_TEST_REDIS_URL`)
  return false
}

/** A channel prefix no other test uses. */
export function redisPrefix(): string {
  return `gongbei-test-${randomBytes(6).toString('hex')}:`
}
