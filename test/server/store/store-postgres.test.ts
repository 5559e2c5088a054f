import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openStore } from '../../../server/store/open-store.ts'
import {
  createMigratedTemplate,
  createTestDatabase,
  postgresSuiteEnabled,
  type TestDatabase,
} from '../../helpers/postgres.ts'
import { describeStoreContract } from './store-contract.ts'
import { bytes, createFixture, plain } from './store-fixture.ts'

const enabled = await postgresSuiteEnabled('PostgreSQL store suites')

describe.runIf(enabled)('PostgreSQL store', () => {
  // Each contract test gets a fresh database, copied from one migrated once.
  let template: TestDatabase
  beforeAll(async () => {
    template = await createMigratedTemplate()
  })
  afterAll(async () => {
    await template?.drop()
  })

  describeStoreContract('PostgreSQL', async () => {
    const database = await createTestDatabase(template)
    return { open: () => openStore({ databaseUrl: database.url }), destroy: database.drop }
  })

  it('[SCALE-5] folds a document only while no other instance is folding it', async () => {
    const database = await createTestDatabase()
    const store = await openStore({ databaseUrl: database.url })
    const other = new pg.Client({ connectionString: database.url })
    try {
      const { document } = await createFixture(store)
      await store.updates.appendUpdates(document.id, [bytes(1), bytes(2)])
      await other.connect()
      // Another instance, in the middle of its fold, holds the document's lock.
      await other.query('begin')
      await other.query(`select pg_advisory_xact_lock(hashtext('gongbei.compact'), hashtext($1))`, [document.id])
      await store.updates.compactDocument(document.id, bytes(1, 2), 2)
      expect((await store.updates.loadDocumentState(document.id)).updates).toHaveLength(2)
      await other.query('commit')
      await store.updates.compactDocument(document.id, bytes(1, 2), 2)
      const state = await store.updates.loadDocumentState(document.id)
      expect(plain([state.snapshot!])).toEqual([[1, 2]])
      expect(state.updates).toEqual([])
    } finally {
      await other.end()
      await store.close()
      await database.drop()
    }
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
