/**
 * A PostgreSQL connection that breaks while the store has it lent out (inside a transaction, between two
 * statements) must not take the server down: the error is reported, the query on it fails, and the pool
 * answers the next query on a new connection once the database is reachable again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type pg from 'pg'
import { postgresPool } from '../../../server/store/postgres-store.ts'
import { createTestDatabase, postgresSuiteEnabled, type TestDatabase } from '../../helpers/postgres.ts'
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy.ts'

const enabled = await postgresSuiteEnabled('PostgreSQL connection loss')

describe.runIf(enabled)('a PostgreSQL connection lost while lent out', () => {
  let database: TestDatabase
  let proxy: TcpProxy
  let pool: pg.Pool

  beforeAll(async () => {
    database = await createTestDatabase()
    const url = new URL(database.url)
    proxy = await startTcpProxy(Number(url.port || 5432))
    url.hostname = '127.0.0.1'
    url.port = String(proxy.port)
    pool = postgresPool(url.toString())
  })

  afterAll(async () => {
    await pool?.end()
    await proxy?.close()
    await database?.drop()
  })

  it('is reported, not thrown, and the next query gets a new connection', async () => {
    const lent = await pool.connect()
    await lent.query('begin')
    await lent.query('select 1')
    proxy.cut()
    // The broken connection's error arrives as an event; unheard, it would be an uncaught exception.
    await new Promise((resolve) => setTimeout(resolve, 300))
    await expect(lent.query('select 1')).rejects.toThrow()
    lent.release(true)
    proxy.restore()
    expect((await pool.query<{ answer: number }>('select 1 as answer')).rows).toEqual([{ answer: 1 }])
  })
})
