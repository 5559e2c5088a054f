import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import type { Kysely } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Database } from '../../../server/store/database-schema.ts'
import { openStore } from '../../../server/store/open-store.ts'
import { sqliteFileName } from '../../../server/store/sqlite-store.ts'
import { type TempDataDir, createTempDataDir } from '../../helpers/sqlite.ts'
import { describeStoreContract } from './store-contract.ts'
import { createFixture } from './store-fixture.ts'

describeStoreContract('SQLite', async () => {
  const dataDir = await createTempDataDir()
  return { open: () => openStore({ dataDir: dataDir.dir }), destroy: dataDir.remove }
})

describe('SQLite store file', () => {
  let dataDir: TempDataDir
  beforeEach(async () => {
    dataDir = await createTempDataDir()
  })
  afterEach(() => dataDir.remove())

  it('creates the data folder and a database in WAL mode', async () => {
    const dir = join(dataDir.dir, 'nested', 'data')
    const store = await openStore({ dataDir: dir })
    expect(store.dialect).toBe('sqlite')
    await store.close()
    const sqlite = new BetterSqlite3(join(dir, sqliteFileName), { readonly: true })
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    sqlite.close()
  })

  it('never writes an append inside a transaction Kysely holds open', async () => {
    // Nested there, the append would become that transaction's savepoint: acknowledged, then rolled back.
    const store = await openStore({ dataDir: dataDir.dir })
    try {
      const { document } = await createFixture(store)
      const db = (store as unknown as { db: Kysely<Database> }).db
      let appended: Promise<number> | undefined
      const rolledBack = db.transaction().execute(async () => {
        appended = store.updates.appendUpdates(document.id, [new Uint8Array([7])])
        await new Promise((resolve) => setImmediate(resolve))
        throw new Error('rolled back')
      })
      await expect(rolledBack).rejects.toThrow('rolled back')
      expect(await appended).toBe(1)
      const { updates } = await store.updates.loadDocumentState(document.id)
      expect(updates.map((update) => [...update])).toEqual([[7]])
    } finally {
      await store.close()
    }
  })

  it('numbers on above rows another connection appended to the same document', async () => {
    // The store remembers each document's last number; a second writer makes that memory stale.
    const store = await openStore({ dataDir: dataDir.dir })
    const other = await openStore({ dataDir: dataDir.dir })
    try {
      const { document } = await createFixture(store)
      expect(await store.updates.appendUpdates(document.id, [new Uint8Array([1])])).toBe(1)
      expect(await other.updates.appendUpdates(document.id, [new Uint8Array([2]), new Uint8Array([3])])).toBe(3)
      const [mine, elsewhere] = await Promise.all([
        store.updates.appendUpdates(document.id, [new Uint8Array([4])]),
        store.updates.appendUpdates('no-such-document', [new Uint8Array([5])]).catch((error: Error) => error.message),
      ])
      expect(mine).toBe(4)
      expect(elsewhere).toMatch(/no-such-document/)
      expect(await store.updates.appendUpdates(document.id, [new Uint8Array([6])])).toBe(5)
      const { updates } = await store.updates.loadDocumentState(document.id)
      expect(updates.map((update) => [...update])).toEqual([[1], [2], [3], [4], [6]])
    } finally {
      await other.close()
      await store.close()
    }
  })

  it('refuses a file that is not a database, with a clear error', async () => {
    await writeFile(join(dataDir.dir, sqliteFileName), '这不是数据库'.repeat(100))
    await expect(openStore({ dataDir: dataDir.dir })).rejects.toThrow(
      /Cannot open the SQLite database .*gongbei\.sqlite/,
    )
  })

  it('refuses a database migrated by a newer version, with a clear error', async () => {
    await (await openStore({ dataDir: dataDir.dir })).close()
    const sqlite = new BetterSqlite3(join(dataDir.dir, sqliteFileName))
    const insert = sqlite.prepare('insert into kysely_migration (name, timestamp) values (?, ?)')
    insert.run('999-future', new Date().toISOString())
    sqlite.close()
    await expect(openStore({ dataDir: dataDir.dir })).rejects.toThrow(/Cannot open the SQLite database .*999-future/)
  })
})
