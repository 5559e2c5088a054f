/**
 * PostgreSQL and Redis for the benchmark's two-instance servers (`cluster-servers.ts`): a database of its
 * own for each server started, dropped when it closes, and a Redis key prefix of its own, whose keys are
 * deleted then. The services are the tests' (`test/helpers/postgres.ts`, `test/helpers/redis.ts`).
 */
import { randomBytes } from 'node:crypto'
import { Redis } from 'ioredis'
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/postgres.ts'
import { redisUnavailable, testRedisUrl } from '../helpers/redis.ts'

export { testRedisUrl as benchRedisUrl }

export interface ClusterServices {
  database: TestDatabase
  redisPrefix: string
  /** Drops the database and deletes every Redis key under the prefix. */
  release: () => Promise<void>
}

export async function clusterServices(): Promise<ClusterServices> {
  const database = await createTestDatabase()
  const redisPrefix = `gongbei-bench-${randomBytes(6).toString('hex')}:`
  return {
    database,
    redisPrefix,
    async release() {
      await deleteRedisKeys(redisPrefix)
      await database.drop()
    },
  }
}

/** Deletes what a benchmark server left under its prefix (rate-limit keys, Hocuspocus's locks). */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  const client = new Redis(testRedisUrl, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 1 })
  client.on('error', () => {})
  try {
    await client.connect()
    let cursor = '0'
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
      if (keys.length > 0) await client.del(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    client.disconnect()
  }
}

/** Why the two-instance servers cannot run here, or null when PostgreSQL and Redis both answer. */
export async function clusterServicesMissing(): Promise<string | null> {
  if (!(await postgresAvailable())) return 'no PostgreSQL answers (GONGBEI_TEST_DATABASE_URL)'
  const reason = await redisUnavailable()
  return reason === null ? null : `no Redis answers at ${testRedisUrl}: ${reason}`
}
