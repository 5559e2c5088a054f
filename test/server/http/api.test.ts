import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login } from '../../helpers/collab-client.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error
}

describe('POST /api/auth/login', () => {
  it('signs in with an httpOnly, SameSite session cookie', async () => {
    const response = await post('/api/auth/login', { username: 'teacher1', password: 'gongbei-demo' })
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^gongbei_session=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    const body = (await response.json()) as { user: { username: string; groups: { name: string }[] } }
    expect(body.user.username).toBe('teacher1')
    expect(body.user.groups.map((g) => g.name)).toContain('七年级数学备课组')
  })

  it.each([
    ['a wrong password', { username: 'teacher1', password: 'wrong' }],
    ['an unknown user', { username: 'nobody', password: 'gongbei-demo' }],
  ])('answers 401 for %s, with the same message', async (_, credentials) => {
    const response = await post('/api/auth/login', credentials)
    expect(response.status).toBe(401)
    expect(await errorOf(response)).toEqual({ code: 'unauthorized', message: '用户名或密码不正确' })
  })

  it('answers 400 with a readable error for a malformed body', async () => {
    const response = await post('/api/auth/login', { username: '' })
    expect(response.status).toBe(400)
    expect((await errorOf(response)).code).toBe('invalid_request')
  })

  it('answers 400 for a body that is not JSON', async () => {
    const response = await post('/api/auth/login', '{not json')
    expect(response.status).toBe(400)
    expect((await errorOf(response)).code).toBe('invalid_request')
  })

  it('answers 413 for an oversized body', async () => {
    const response = await post('/api/auth/login', { username: 'x', password: 'y'.repeat(200_000) })
    expect(response.status).toBe(413)
    expect((await errorOf(response)).code).toBe('payload_too_large')
  })
})

describe('session', () => {
  it('GET /api/me answers the signed-in user, and 401 after logout', async () => {
    const cookie = await login(server.url, 'leader')
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie } })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { role: string }).role).toBe('leader')

    expect((await post('/api/auth/logout', {}, { cookie })).status).toBe(204)
    const after = await fetch(`${server.url}/api/me`, { headers: { cookie } })
    expect(after.status).toBe(401)
    expect((await errorOf(after)).code).toBe('unauthorized')
  })

  it('POST /api/auth/ws-token needs a session and returns a short-lived token', async () => {
    expect((await post('/api/auth/ws-token', {})).status).toBe(401)
    const cookie = await login(server.url, 'teacher2')
    const response = await post('/api/auth/ws-token', {}, { cookie })
    const body = (await response.json()) as { token: string; expiresAt: string }
    expect(body.token.length).toBeGreaterThan(20)
    const lifetime = new Date(body.expiresAt).getTime() - Date.now()
    expect(lifetime).toBeGreaterThan(0)
    expect(lifetime).toBeLessThanOrEqual(10 * 60 * 1000)
  })

  it('a ws token is not a browser session', async () => {
    const cookie = await login(server.url, 'teacher2')
    const { token } = (await (await post('/api/auth/ws-token', {}, { cookie })).json()) as { token: string }
    const response = await fetch(`${server.url}/api/me`, { headers: { cookie: `gongbei_session=${token}` } })
    expect(response.status).toBe(401)
  })
})

describe('GET /api/documents', () => {
  async function documentsOf(username: string) {
    const cookie = await login(server.url, username)
    const response = await fetch(`${server.url}/api/documents`, { headers: { cookie } })
    expect(response.status).toBe(200)
    return (await response.json()) as { id: string; title: string; kind: string; access: string }[]
  }

  it('lists the sample 导学案 as editable for group members', async () => {
    const documents = await documentsOf('teacher1')
    expect(documents.length).toBeGreaterThan(0)
    expect(documents[0]).toMatchObject({ kind: 'lesson-plan', access: 'edit' })
    expect(documents[0]!.title).toMatch(/[\u4e00-\u9fff]/)
  })

  it('lets the outside expert and the office comment on the sample lesson, not edit it', async () => {
    expect((await documentsOf('guest'))[0]!.access).toBe('comment')
    expect((await documentsOf('admin'))[0]!.access).toBe('comment')
  })

  it('answers 401 without a session', async () => {
    expect((await fetch(`${server.url}/api/documents`)).status).toBe(401)
  })
})

describe('operations', () => {
  it('GET /healthz', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('GET /metrics speaks the Prometheus text format', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text()
    for (const name of [
      'gongbei_connections',
      'gongbei_open_documents',
      'gongbei_updates_per_second',
      'gongbei_store_write_seconds_bucket',
    ]) {
      expect(text).toContain(name)
    }
  })

  it('GET /api/openapi.json describes the contract routes', async () => {
    const spec = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, object> }
    for (const path of ['/api/auth/login', '/api/auth/logout', '/api/me', '/api/auth/ws-token', '/api/documents']) {
      expect(spec.paths).toHaveProperty([path])
    }
  })

  it('answers unknown API paths with a JSON 404, and without a session with 401 like any other', async () => {
    const signedOut = await fetch(`${server.url}/api/nothing-here`)
    expect(signedOut.status).toBe(401)
    const cookie = await login(server.url, 'teacher1')
    const response = await fetch(`${server.url}/api/nothing-here`, { headers: { cookie } })
    expect(response.status).toBe(404)
    expect((await errorOf(response)).code).toBe('not_found')
  })
})
