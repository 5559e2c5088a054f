/**
 * What instances share besides the relay (docs/ARCHITECTURE.md, SCALE-8 and SCALE-9): sign-in limits,
 * flood pauses and the first-run token, on the real PostgreSQL and Redis. Each test has its own database
 * and Redis key prefix, whose keys it deletes.
 */
import { Redis } from 'ioredis'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { limits } from '../../../shared/limits.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { MessageType } from '../../../shared/protocol/messages.ts'
import { waitFor, wsToken } from '../../helpers/collab-client.ts'
import { createTestDatabase, postgresSuiteEnabled, type TestDatabase } from '../../helpers/postgres.ts'
import { openRawSocket, type RawSocket } from '../../helpers/raw-socket.ts'
import { redisPrefix, redisSuiteEnabled, testRedisUrl } from '../../helpers/redis.ts'
import { startTcpProxy, type TcpProxy } from '../../helpers/tcp-proxy.ts'
import { createDocumentInDemoGroup, startTestServer, type TestServer } from '../../helpers/test-server.ts'

const enabled =
  (await postgresSuiteEnabled('limits shared by instances (PostgreSQL)')) &&
  (await redisSuiteEnabled('limits shared by instances (Redis)'))

describe.runIf(enabled)('limits and the first-run token shared by instances', { timeout: 90_000 }, () => {
  let database: TestDatabase
  let prefix: string
  const servers: TestServer[] = []
  const sockets: RawSocket[] = []
  const proxies: TcpProxy[] = []

  beforeEach(async () => {
    database = await createTestDatabase()
    prefix = redisPrefix()
  })
  afterEach(async () => {
    for (const socket of sockets.splice(0)) socket.ws.terminate()
    for (const server of servers.splice(0)) await server.stop()
    for (const proxy of proxies.splice(0)) await proxy.close()
    await deleteKeys(prefix)
    await database.drop()
  })

  // One after the other: the first seeds the demo school (or proposes the token), the next finds it.
  async function instances(options: { demo?: boolean } = {}): Promise<[TestServer, TestServer]> {
    for (let n = 0; n < 2; n++) {
      servers.push(
        await startTestServer({ databaseUrl: database.url, redisUrl: testRedisUrl, redisPrefix: prefix, ...options }),
      )
    }
    return [servers[0]!, servers[1]!]
  }

  function signIn(server: TestServer, password: string): Promise<Response> {
    return fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'teacher1', password }),
    })
  }

  it('[SCALE-8] failed sign-ins on one instance count on the other', async () => {
    const [a, b] = await instances()
    for (let attempt = 0; attempt < 5; attempt++) expect((await signIn(a, 'not-the-password')).status).toBe(401)
    // The right password, on the other instance: still refused until the window has passed.
    const refused = await signIn(b, 'gongbei-demo')
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('[SCALE-8] a teacher cut off for a flood on one instance is refused on the other', async () => {
    const [a, b] = await instances()
    const documentId = await createDocumentInDemoGroup(a)
    const flooder = await openRawSocket(a.url, documentId, await wsToken(a.url, 'teacher1'))
    sockets.push(flooder)
    await waitFor(() => flooder.received.length > 0, 'the server speaks first')
    const queryAwareness = new Uint8Array([MessageType.queryAwareness])
    for (let i = 0; i < limits.maxFramesBurst * 3; i++) flooder.ws.send(queryAwareness)
    expect((await flooder.closed).code).toBe(CloseCode.rateLimited)

    const elsewhere = await openRawSocket(b.url, documentId, await wsToken(b.url, 'teacher1'))
    sockets.push(elsewhere)
    const refused = await elsewhere.closed
    expect(refused.code).toBe(CloseCode.rateLimited)
    expect(refused.reason).toMatch(/retry after \d+ ms/)
    // A colleague is not held by it.
    const colleague = await openRawSocket(b.url, documentId, await wsToken(b.url, 'teacher2'))
    sockets.push(colleague)
    await waitFor(() => colleague.received.length > 0, 'the colleague admitted')
  })

  const school = { school: '花园实验中学', username: 'zhou', password: 'qiuyue-2026', displayName: '周主任' }
  const setUp = (server: TestServer, body: object): Promise<Response> =>
    fetch(`${server.url}/api/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('[SCALE-9] both instances print one first-run token, which works once through either', async () => {
    const [a, b] = await instances({ demo: false })
    expect(a.firstRunToken).toMatch(/^[\w-]{20,}$/)
    expect(b.firstRunToken).toBe(a.firstRunToken)
    const token = a.firstRunToken!
    expect((await setUp(b, { ...school, token: 'x'.repeat(token.length) })).status).toBe(403)
    // A rule the page refuses gives the token back, on every instance.
    expect((await setUp(b, { ...school, password: 'short', token })).status).toBe(400)
    expect((await setUp(b, { ...school, token })).status).toBe(200)
    expect((await setUp(a, { ...school, username: 'wang', token })).status).toBe(403)
    expect(await a.store.accounts.countUsers()).toBe(1)
  })

  it('[SCALE-9] with Redis away the first-run page says to try again, and the token still works after', async () => {
    const redis = await startTcpProxy(Number(new URL(testRedisUrl).port || 6379))
    proxies.push(redis)
    const instance = await startTestServer({
      databaseUrl: database.url,
      redisUrl: `redis://127.0.0.1:${redis.port}`,
      redisPrefix: prefix,
      demo: false,
    })
    servers.push(instance)
    const token = instance.firstRunToken!
    redis.cut()
    const refused = await setUp(instance, { ...school, token })
    expect(refused.status).toBe(503)
    const body = (await refused.json()) as { error: { code: string; message: string } }
    expect(body.error.code).toBe('service_unavailable')
    expect(body.error.message).toContain('稍后再试')
    expect(await instance.store.accounts.countUsers()).toBe(0)

    redis.restore()
    await expect.poll(async () => (await setUp(instance, { ...school, token })).status, { timeout: 15_000 }).toBe(200)
    expect(await instance.store.accounts.countUsers()).toBe(1)
  })
})

async function deleteKeys(prefix: string): Promise<void> {
  const client = new Redis(testRedisUrl, { lazyConnect: true })
  await client.connect()
  try {
    const keys = await client.keys(`${prefix}*`)
    if (keys.length > 0) await client.del(...keys)
  } finally {
    client.disconnect()
  }
}
