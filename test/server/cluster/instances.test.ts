/**
 * Several instances sharing PostgreSQL and Redis (docs/ARCHITECTURE.md, SCALE-1 to SCALE-6), in one
 * process: each test has its own database and Redis channel prefix.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { connectClient, login, type TestClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { openInboxStream } from '../../helpers/inbox-stream.ts'
import { createTestDatabase, postgresSuiteEnabled, type TestDatabase } from '../../helpers/postgres.ts'
import { redisPrefix, redisSuiteEnabled, testRedisUrl } from '../../helpers/redis.ts'
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy.ts'
import { createDocumentInDemoGroup, startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { match } from '../../helpers/match.ts'

const enabled =
  (await postgresSuiteEnabled('several instances (PostgreSQL)')) &&
  (await redisSuiteEnabled('several instances (Redis)'))

describe.runIf(enabled)('several instances on PostgreSQL and Redis', { timeout: 90_000 }, () => {
  let database: TestDatabase
  let prefix: string
  const servers: TestServer[] = []
  const clients: TestClient[] = []
  const proxies: TcpProxy[] = []

  beforeEach(async () => {
    database = await createTestDatabase()
    prefix = redisPrefix()
  })
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers.splice(0)) await server.stop()
    for (const proxy of proxies.splice(0)) await proxy.close()
    await database.drop()
  })

  async function instance(options: { redisUrl?: string; databaseUrl?: string } = {}): Promise<TestServer> {
    const server = await startTestServer({
      databaseUrl: database.url,
      redisUrl: testRedisUrl,
      redisPrefix: prefix,
      catchUpMs: 300,
      ...options,
    })
    servers.push(server)
    return server
  }

  async function client(server: TestServer, documentId: string, username: string): Promise<TestClient> {
    const connected = connectClient(server.url, documentId, await wsToken(server.url, username), { acks: true })
    clients.push(connected)
    await waitForSync(connected)
    return connected
  }

  function typeInto(writer: TestClient, words: string): void {
    const text = writer.doc.getText('t')
    for (const char of words) text.insert(text.length, char)
  }

  function converged(all: readonly TestClient[], length: number): boolean {
    const first = all[0]!.text()
    return first.length === length && all.every((each) => each.text() === first)
  }

  it('[SCALE-1] clients on two instances edit one document and converge', async () => {
    const a = await instance()
    const b = await instance()
    const documentId = await createDocumentInDemoGroup(a)
    const onA = await client(a, documentId, 'teacher1')
    const onB = await client(b, documentId, 'teacher2')
    for (let round = 0; round < 10; round++) {
      typeInto(onA, '甲')
      typeInto(onB, '乙')
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await waitFor(() => converged([onA, onB], 20), 'both instances converge')
    const late = await client(b, documentId, 'teacher3')
    expect(late.text()).toBe(onA.text())
  })

  it('[SCALE-3] awareness crosses instances and goes when its instance leaves', async () => {
    const a = await instance()
    const b = await instance()
    const documentId = await createDocumentInDemoGroup(a)
    const onA = await client(a, documentId, 'teacher1')
    const onB = await client(b, documentId, 'teacher2')
    onA.provider.awareness.setLocalStateField('cursor', { anchor: 1 })
    const seesA = (): boolean => onB.provider.awareness.getStates().get(onA.doc.clientID)?.cursor !== undefined
    await waitFor(seesA, 'the cursor of a teacher on the other instance')
    // Its name is the one the first instance took from the session.
    expect(onB.provider.awareness.getStates().get(onA.doc.clientID)?.user).toMatchObject({ name: match.any(String) })
    // A teacher opening the document later on the second instance sees it at once.
    const late = await client(b, documentId, 'teacher3')
    await waitFor(() => late.provider.awareness.getStates().has(onA.doc.clientID), 'the cursor for a late joiner')

    onA.provider.disconnect()
    await servers.shift()!.stop()
    await waitFor(() => !onB.provider.awareness.getStates().has(onA.doc.clientID), 'the cursor gone with its instance')
  })

  it('[SCALE-7] an inbox stream on one instance hears what happened on the other', async () => {
    const a = await instance()
    const b = await instance()
    const stream = await openInboxStream(b.url, 'teacher1')
    try {
      const cookie = await login(a.url, 'teacher1')
      const response = await fetch(`${a.url}/api/notifications/read-all`, {
        method: 'POST',
        headers: { cookie, origin: a.url },
      })
      expect(response.status).toBe(200)
      await waitFor(() => stream.events.some((event) => event.event === 'unread'), 'the event on the other instance')
    } finally {
      stream.close()
    }
  })

  it('[SCALE-2] a row no message announced reaches the other instance from PostgreSQL', async () => {
    const a = await instance()
    const b = await instance()
    const documentId = await createDocumentInDemoGroup(a)
    const onA = await client(a, documentId, 'teacher1')
    const onB = await client(b, documentId, 'teacher2')
    // Stored as every row is, but never published: a Redis message lost on the way.
    const elsewhere = new Y.Doc()
    elsewhere.getText('t').insert(0, '漏')
    await a.store.updates.appendUpdates(documentId, [Y.encodeStateAsUpdate(elsewhere)])
    await waitFor(() => onA.text() === '漏' && onB.text() === '漏', 'the unannounced row on both instances')
    // The next row's message shows the gap too; what follows arrives as usual.
    typeInto(onA, '补')
    await waitFor(() => converged([onA, onB], 2), 'the rows after it')
  })

  it('[SCALE-4] an instance cut off from Redis keeps serving and converges when Redis returns', async () => {
    const redisProxy = await startTcpProxy(Number(new URL(testRedisUrl).port || 6379))
    proxies.push(redisProxy)
    const a = await instance()
    const b = await instance({ redisUrl: `redis://127.0.0.1:${redisProxy.port}` })
    const documentId = await createDocumentInDemoGroup(a)
    const onA = await client(a, documentId, 'teacher1')
    const onB = await client(b, documentId, 'teacher2')
    typeInto(onA, '前')
    await waitFor(() => onB.text() === '前', 'relay before the cut')

    redisProxy.cut()
    typeInto(onB, '断开时')
    typeInto(onA, '仍在写')
    // Each instance still stores and acknowledges its own clients' edits.
    await waitFor(() => onA.frames.acked === onA.frames.sent && onB.frames.acked === onB.frames.sent, 'acks')
    await new Promise((resolve) => setTimeout(resolve, 1500))
    redisProxy.restore()
    typeInto(onB, '后')
    await waitFor(() => converged([onA, onB], 8), 'convergence once Redis is back')
    expect(onA.text()).toContain('断开时')
    expect(onA.text()).toContain('仍在写')
  })

  it('[SCALE-6] refuses edits with a retryable close while PostgreSQL is down, and stores them after', async () => {
    const databaseProxy = await startTcpProxy(Number(new URL(database.url).port || 5432))
    proxies.push(databaseProxy)
    const viaProxy = new URL(database.url)
    viaProxy.port = String(databaseProxy.port)
    const a = await instance({ databaseUrl: viaProxy.toString() })
    const documentId = await createDocumentInDemoGroup(a)
    const writer = await client(a, documentId, 'teacher1')
    typeInto(writer, '存好')
    await waitFor(() => writer.frames.acked === writer.frames.sent, 'acks before the outage')

    databaseProxy.cut()
    typeInto(writer, '等待')
    await waitFor(() => writer.closeCodes.includes(CloseCode.storageUnavailable), 'the retryable close')
    databaseProxy.restore()
    // The provider reconnects by itself and its sync sends what was refused.
    const reader = await client(a, documentId, 'teacher2')
    await waitFor(() => reader.text() === '存好等待', 'the refused edits stored once the database is back', 20_000)
  })
})
