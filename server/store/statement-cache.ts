/**
 * better-sqlite3 for Kysely, with prepared statements kept by their SQL. Kysely prepares every query
 * anew, and preparing (SQLite parsing and planning the SQL) was about half of what a query cost: opening
 * one connection to a document runs about ten (session, account, groups, document, lesson, mentors,
 * versions, presence). The queries are built from a fixed set of shapes, so few statements are kept;
 * the least recently used is dropped past `capacity` (a list of n values is a shape of its own).
 */
import type BetterSqlite3 from 'better-sqlite3'
import type { SqliteDatabase, SqliteStatement } from 'kysely'

export function withStatementCache(sqlite: BetterSqlite3.Database, capacity = 256): SqliteDatabase {
  const statements = new Map<string, SqliteStatement>()
  return {
    close: () => sqlite.close(),
    prepare(sql) {
      const cached = statements.get(sql)
      if (cached) {
        // A Map iterates in insertion order: re-inserting makes it the most recently used.
        statements.delete(sql)
        statements.set(sql, cached)
        return cached
      }
      const statement = sqlite.prepare(sql)
      statements.set(sql, statement)
      if (statements.size > capacity) statements.delete(statements.keys().next().value!)
      return statement
    },
  }
}
