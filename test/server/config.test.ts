import { describe, expect, it } from 'vitest'
import { configFromEnvironment } from '../../server/config.ts'
import { startServer } from '../../server/start.ts'

describe('configuration of several instances', () => {
  it('[SCALE-1] reads DATABASE_URL and REDIS_URL', () => {
    const config = configFromEnvironment({ DATABASE_URL: 'postgres://db/gongbei', REDIS_URL: 'redis://cache:6379' })
    expect(config).toMatchObject({ databaseUrl: 'postgres://db/gongbei', redisUrl: 'redis://cache:6379' })
    expect(configFromEnvironment({}).redisUrl).toBeUndefined()
  })

  it('[SCALE-1] refuses REDIS_URL with SQLite, saying what to set', async () => {
    expect(() => configFromEnvironment({ REDIS_URL: 'redis://cache:6379' })).toThrow(/REDIS_URL .*DATABASE_URL/)
    expect(() => configFromEnvironment({ DATABASE_URL: 'postgres://db/x', REDIS_URL: 'http://cache' })).toThrow(
      /REDIS_URL must be a redis:\/\//,
    )
    await expect(startServer({ redisUrl: 'redis://127.0.0.1:1', port: 0 })).rejects.toThrow(/DATABASE_URL/)
  })
})
