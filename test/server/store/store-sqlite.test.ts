import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openStore } from '../../../server/store/open-store.ts'
import { sqliteFileName } from '../../../server/store/sqlite-store.ts'
import { type TempDataDir, createTempDataDir } from '../../helpers/sqlite.ts'
import { describeStoreContract } from './store-contract.ts'

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
