import pg from 'pg'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../../server/store/open-store.ts'
import { createTestDatabase, postgresSuiteEnabled } from '../../helpers/postgres.ts'
import { describeStoreContract } from './store-contract.ts'

const enabled = await postgresSuiteEnabled('PostgreSQL store suites')

describe.runIf(enabled)('PostgreSQL store', () => {
  describeStoreContract('PostgreSQL', async () => {
    const database = await createTestDatabase()
    return { open: () => openStore({ databaseUrl: database.url }), destroy: database.drop }
  })

  it('refuses an unreachable server with a clear error that hides the password', async () => {
    const opening = openStore({ databaseUrl: 'postgres://gongbei:secret-password@127.0.0.1:1/gongbei' })
    await expect(opening).rejects.toThrow(/Cannot open the PostgreSQL database 127\.0\.0\.1:1\/gongbei/)
    await expect(opening).rejects.not.toThrow(/secret-password/)
  })

  it('refuses a database migrated by a newer version, with a clear error', async () => {
    const database = await createTestDatabase()
    try {
      await (await openStore({ databaseUrl: database.url })).close()
      const client = new pg.Client({ connectionString: database.url })
      await client.connect()
      await client.query('insert into kysely_migration (name, timestamp) values ($1, $2)', [
        '999-future',
        new Date().toISOString(),
      ])
      await client.end()
      await expect(openStore({ databaseUrl: database.url })).rejects.toThrow(
        /Cannot open the PostgreSQL database .*999-future/,
      )
    } finally {
      await database.drop()
    }
  })
})
