/**
 * `kill -9` of one of two instances in the middle of a stream of edits (SCALE-1, SCALE-2): nothing a
 * colleague saw or the writer was told is saved is lost, and the writer's client, sent to the other
 * instance as a load balancer would, sends what the crash cut off.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, covers, login, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { createTestDatabase, postgresSuiteEnabled, type TestDatabase } from '../../helpers/postgres.ts'
import { redisPrefix, redisSuiteEnabled, testRedisUrl } from '../../helpers/redis.ts'
import { typeThroughKill } from '../../helpers/kill-mid-stream.ts'
import { type ServerProcess, spawnServer } from '../../helpers/server-process.ts'
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy.ts'

const enabled =
  (await postgresSuiteEnabled('kill -9 of one instance (PostgreSQL)')) &&
  (await redisSuiteEnabled('kill -9 of one instance (Redis)'))

describe.runIf(enabled)('kill -9 of one of two instances', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-instances-'))
  const processes: ServerProcess[] = []
  let database: TestDatabase
  let balancer: TcpProxy | null = null
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    for (const child of processes) await child.kill()
    await balancer?.close()
    await database.drop()
    rmSync(dataDir, { recursive: true, force: true })
  })

  it('[SCALE-1] loses nothing relayed or acknowledged, and its clients go on with the other instance', async () => {
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: testRedisUrl,
      GONGBEI_REDIS_PREFIX: redisPrefix(),
      GONGBEI_CATCH_UP_MS: '300',
    }
    const first = await spawnServer(dataDir, 0, env)
    processes.push(first)
    const second = await spawnServer(dataDir, 0, env)
    processes.push(second)
    balancer = await startTcpProxy(first.port)
    const viaBalancer = `http://127.0.0.1:${balancer.port}`

    const documentId = await firstDocumentId(second.url)
    const writer = connectClient(viaBalancer, documentId, await wsToken(viaBalancer, 'teacher1'), { acks: true })
    const observer = connectClient(second.url, documentId, await wsToken(second.url, 'teacher2'))
    await Promise.all([waitForSync(writer), waitForSync(observer)])

    const typed = '去分母、去括号、移项、合并同类项、系数化为1。'.repeat(8)
    const { seenByObserver, acknowledged } = await typeThroughKill(writer, observer, typed, 120, first)
    expect(observer.text().length).toBeGreaterThan(0)
    expect(acknowledged.get(writer.doc.clientID)).toBeGreaterThan(0)

    // The load balancer sends new connections to the instance still alive.
    balancer.retarget(second.port)
    const fresh = connectClient(second.url, documentId, await wsToken(second.url, 'teacher3'))
    await waitForSync(fresh)
    expect(covers(fresh.doc, seenByObserver)).toBe(true)
    expect(covers(fresh.doc, acknowledged)).toBe(true)
    await waitFor(
      () => fresh.text() === typed && observer.text() === typed && writer.text() === typed,
      'convergence on the instance left',
      20_000,
    )
    for (const client of [writer, observer, fresh]) client.destroy()
  }, 120_000)
})

async function firstDocumentId(url: string): Promise<string> {
  const cookie = await login(url, 'teacher1')
  const documents = (await (await fetch(`${url}/api/documents`, { headers: { cookie } })).json()) as { id: string }[]
  return documents[0]!.id
}
