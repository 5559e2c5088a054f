import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { withStatementCache } from '../../../server/store/statement-cache.ts'

let sqlite: BetterSqlite3.Database
afterEach(() => sqlite.close())

function open(): BetterSqlite3.Database {
  sqlite = new BetterSqlite3(':memory:')
  sqlite.exec("create table t (id text primary key, n integer); insert into t values ('a', 1), ('b', 2)")
  return sqlite
}

describe('withStatementCache', () => {
  it('prepares a query once and gives the same answers as a fresh statement', () => {
    const database = withStatementCache(open())
    const first = database.prepare('select n from t where id = ?')
    expect(database.prepare('select n from t where id = ?')).toBe(first)
    expect(first.all(['a'])).toEqual([{ n: 1 }])
    expect(first.all(['b'])).toEqual([{ n: 2 }])
  })

  it('drops the least recently used statement past its capacity', () => {
    const database = withStatementCache(open(), 2)
    const one = database.prepare('select 1')
    const two = database.prepare('select 2')
    database.prepare('select 1')
    database.prepare('select 3')
    expect(database.prepare('select 1')).toBe(one)
    expect(database.prepare('select 2')).not.toBe(two)
  })

  it('answers from the current schema after a migration changed it', () => {
    const database = withStatementCache(open())
    expect(database.prepare('select * from t where id = ?').all(['a'])).toEqual([{ id: 'a', n: 1 }])
    sqlite.exec("alter table t add column label text not null default 'x'")
    expect(database.prepare('select * from t where id = ?').all(['a'])).toEqual([{ id: 'a', n: 1, label: 'x' }])
  })
})
