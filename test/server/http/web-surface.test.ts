/**
 * Sign-in and the web surface, against a real server: throttling, timing, cross-site requests,
 * headers, the cookie behind a TLS proxy, expired sessions and wrong content types (docs/SECURITY.md).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LoginThrottle } from '../../../server/auth/login-throttle.ts'
import { hashToken } from '../../../server/auth/sessions.ts'
import { contentSecurityPolicy } from '../../../server/http/security-headers.ts'
import { login } from '../../helpers/collab-client.ts'
import { defaultCost } from '../../../server/auth/passwords.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
let clientDir: string

beforeAll(async () => {
  clientDir = mkdtempSync(join(tmpdir(), 'gongbei-client-'))
  mkdirSync(join(clientDir, 'assets'))
  writeFileSync(join(clientDir, 'index.html'), '<!doctype html><title>共备</title>')
  writeFileSync(join(clientDir, 'assets', 'app.js'), 'console.log(1)')
  // The demo's passwords at their real cost: SEC-5 compares the time of a real verification with the stand-in's.
  server = await startTestServer({ serveClient: true, clientDir, demoPasswordCost: defaultCost })
})

afterAll(async () => {
  await server.stop()
  rmSync(clientDir, { recursive: true, force: true })
})

function postLogin(url: string, username: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  })
}

describe('sign-in', () => {
  it('[SEC-4] answers 429 in Chinese once a username has failed too often, even with the right password', async () => {
    const throttled = await startTestServer({
      loginThrottle: new LoginThrottle({
        failuresPerUsername: 3,
        failuresPerAddress: 50,
        windowMs: 60_000,
        maxKeys: 100,
      }),
    })
    try {
      for (let i = 0; i < 3; i++) expect((await postLogin(throttled.url, 'teacher1', 'wrong')).status).toBe(401)
      const refused = await postLogin(throttled.url, 'teacher1', 'gongbei-demo')
      expect(refused.status).toBe(429)
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)
      const body = (await refused.json()) as { error: { code: string; message: string } }
      expect(body.error).toEqual({ code: 'too_many_requests', message: '登录失败次数过多，请 1 分钟后再试' })
      expect((await postLogin(throttled.url, 'teacher2', 'gongbei-demo')).status).toBe(200)
    } finally {
      await throttled.stop()
    }
  })

  it('[SEC-4] answers 429 to an address that has tried too many usernames', async () => {
    const throttled = await startTestServer({
      loginThrottle: new LoginThrottle({
        failuresPerUsername: 50,
        failuresPerAddress: 4,
        windowMs: 60_000,
        maxKeys: 100,
      }),
    })
    try {
      for (let i = 0; i < 4; i++) expect((await postLogin(throttled.url, `guess-${i}`, 'x')).status).toBe(401)
      expect((await postLogin(throttled.url, 'teacher1', 'gongbei-demo')).status).toBe(429)
    } finally {
      await throttled.stop()
    }
  })

  it('[SEC-5] takes as long to refuse an unknown username as a wrong password', async () => {
    const elapsed = async (username: string): Promise<number> => {
      const started = performance.now()
      expect((await postLogin(server.url, username, 'wrong-password')).status).toBe(401)
      return performance.now() - started
    }
    const known: number[] = []
    const unknown: number[] = []
    for (const [i, username] of ['teacher1', 'teacher2', 'teacher3', 'mentor', 'apprentice'].entries()) {
      known.push(await elapsed(username))
      unknown.push(await elapsed(`nobody-${i}`))
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!
    // Both run one scrypt; without it an unknown name was answered about 40 times sooner.
    expect(median(unknown)).toBeGreaterThan(median(known) / 2)
  })
})

describe('cross-site requests', () => {
  const issueToken = async (headers: Record<string, string>) =>
    fetch(`${server.url}/api/auth/ws-token`, {
      method: 'POST',
      headers: { cookie: await login(server.url, 'teacher1'), ...headers },
    })

  it('[SEC-6] refuses a state-changing request another site sent with the cookie', async () => {
    const host = new URL(server.url).host
    expect((await issueToken({ origin: 'https://evil.example' })).status).toBe(403)
    expect((await issueToken({ origin: 'null' })).status).toBe(403)
    expect((await issueToken({ 'sec-fetch-site': 'cross-site', origin: `http://${host}` })).status).toBe(403)
    expect((await issueToken({ 'sec-fetch-site': 'same-site' })).status).toBe(403)
    const refused = await postLogin(server.url, 'teacher1', 'gongbei-demo', { origin: 'https://evil.example' })
    expect(refused.status).toBe(403)
  })

  it('[SEC-6] accepts its own pages and clients that are no browser page', async () => {
    const host = new URL(server.url).host
    expect((await issueToken({ origin: `http://${host}` })).status).toBe(200)
    expect((await issueToken({ 'sec-fetch-site': 'same-origin', origin: `http://${host}` })).status).toBe(200)
    expect((await issueToken({})).status).toBe(200)
  })

  it('[SEC-6] does not refuse reads, whose answers another site cannot read anyway', async () => {
    const me = await fetch(`${server.url}/api/me`, {
      headers: { cookie: await login(server.url, 'teacher1'), 'sec-fetch-site': 'cross-site' },
    })
    expect(me.status).toBe(200)
  })
})

describe('headers', () => {
  it.each([
    ['a page', '/lessons/1'],
    ['a script', '/assets/app.js'],
    ['the API', '/api/me'],
  ])('[SEC-7] sends the content security policy and its companions on %s', async (_, path) => {
    const response = await fetch(`${server.url}${path}`)
    expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(response.headers.get('referrer-policy')).toBe('same-origin')
    expect(response.headers.get('x-frame-options')).toBe('DENY')
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'")
  })
})

describe('the session cookie behind a TLS proxy', () => {
  it('[SEC-8] is Secure when the trusted proxy says the browser came over https', async () => {
    const proxied = await startTestServer({ trustProxy: true })
    try {
      const https = await postLogin(proxied.url, 'teacher1', 'gongbei-demo', { 'x-forwarded-proto': 'https' })
      expect(https.headers.get('set-cookie')).toMatch(/;\s*Secure/i)
      const http = await postLogin(proxied.url, 'teacher1', 'gongbei-demo', { 'x-forwarded-proto': 'http' })
      expect(http.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i)
    } finally {
      await proxied.stop()
    }
  })

  it('[SEC-8] ignores X-Forwarded-Proto unless told to trust a proxy', async () => {
    const response = await postLogin(server.url, 'teacher1', 'gongbei-demo', { 'x-forwarded-proto': 'https' })
    expect(response.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i)
  })

  it('[SEC-8] takes the client address for throttling from the trusted proxy', async () => {
    const proxied = await startTestServer({
      trustProxy: true,
      loginThrottle: new LoginThrottle({
        failuresPerUsername: 50,
        failuresPerAddress: 2,
        windowMs: 60_000,
        maxKeys: 100,
      }),
    })
    try {
      for (let i = 0; i < 2; i++) await postLogin(proxied.url, `guess-${i}`, 'x', { 'x-forwarded-for': '203.0.113.7' })
      expect(
        (await postLogin(proxied.url, 'teacher1', 'gongbei-demo', { 'x-forwarded-for': '203.0.113.7' })).status,
      ).toBe(429)
      expect(
        (await postLogin(proxied.url, 'teacher1', 'gongbei-demo', { 'x-forwarded-for': '203.0.113.8' })).status,
      ).toBe(200)
    } finally {
      await proxied.stop()
    }
  })
})

describe('expired sessions', () => {
  it('[SEC-9] are deleted when the server starts, ws tokens and cookies alike, and live ones kept', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-sweep-'))
    try {
      const first = await startTestServer({ dataDir })
      const user = (await first.store.accounts.findUserByUsername('teacher1'))!
      const past = new Date(Date.now() - 1000)
      for (let i = 0; i < 2000; i++)
        await first.store.sessions.createSession(hashToken(`old-${i}`), {
          userId: user.id,
          kind: 'ws',
          expiresAt: past,
        })
      await first.store.sessions.createSession(hashToken('old-cookie'), {
        userId: user.id,
        kind: 'cookie',
        expiresAt: past,
      })
      await first.store.sessions.createSession(hashToken('live'), {
        userId: user.id,
        kind: 'cookie',
        expiresAt: new Date(Date.now() + 3_600_000),
      })
      await first.stop()

      const second = await startTestServer({ dataDir })
      const longAgo = new Date(0)
      const exists = (token: string) =>
        second.store.sessions.findSession(hashToken(token), longAgo).then((found) => found !== null)
      try {
        const deadline = Date.now() + 10_000
        while ((await exists('old-0')) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
        expect(await exists('old-0')).toBe(false)
        expect(await exists('old-1999')).toBe(false)
        expect(await exists('old-cookie')).toBe(false)
        expect(await exists('live')).toBe(true)
      } finally {
        await second.stop()
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('[SEC-9] are deleted periodically while the server runs', async () => {
    const sweeping = await startTestServer({ sessionSweepMs: 50 })
    try {
      const user = (await sweeping.store.accounts.findUserByUsername('teacher1'))!
      await sweeping.store.sessions.createSession(hashToken('soon-old'), {
        userId: user.id,
        kind: 'ws',
        expiresAt: new Date(Date.now() + 200),
      })
      const deadline = Date.now() + 10_000
      const exists = () =>
        sweeping.store.sessions.findSession(hashToken('soon-old'), new Date(0)).then((found) => found !== null)
      while ((await exists()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20))
      expect(await exists()).toBe(false)
    } finally {
      await sweeping.stop()
    }
  })
})

describe('content types', () => {
  it.each([
    ['text/plain', '{"username":"teacher1","password":"gongbei-demo"}'],
    ['application/x-www-form-urlencoded', 'username=teacher1&password=gongbei-demo'],
  ])('[SEC-10] answers 415, not 500, to a JSON route sent %s', async (contentType, body) => {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body,
    })
    expect(response.status).toBe(415)
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('unsupported_media_type')
  })
})
