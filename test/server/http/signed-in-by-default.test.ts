/**
 * Secure by default: every route in the API's own OpenAPI document answers 401 to a request without a
 * session, but those its module declares public; so a new route cannot be left open by forgetting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})

afterAll(async () => {
  await server.stop()
})

const publicRoutes = [
  'post /api/auth/login',
  'post /api/auth/logout',
  'get /api/auth/oidc',
  'get /api/auth/oidc/start',
  'get /api/auth/oidc/callback',
  'get /api/setup',
  'post /api/setup',
]

async function documentedRoutes(): Promise<string[]> {
  const response = await fetch(`${server.url}/api/openapi.json`)
  expect(response.status).toBe(200)
  const spec = (await response.json()) as { paths: Record<string, Record<string, unknown>> }
  return Object.entries(spec.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method} ${path}`),
  )
}

describe('routes without a session', () => {
  it('answer 401 unless declared public, before reading the body', async () => {
    const routes = await documentedRoutes()
    expect(routes.length).toBeGreaterThan(40)
    const answers: Record<string, number> = {}
    for (const route of routes.filter((route) => !publicRoutes.includes(route))) {
      const [method, path] = route.split(' ') as [string, string]
      const url = `${server.url}${path.replace(/\{[^}]+\}/g, 'x1')}`
      const body = method === 'get' ? undefined : JSON.stringify({ anything: 1 })
      const response = await fetch(url, {
        method: method.toUpperCase(),
        body,
        headers: { 'content-type': 'application/json' },
      })
      answers[route] = response.status
      await response.body?.cancel()
    }
    const open = Object.entries(answers).filter(([, status]) => status !== 401)
    expect(open).toEqual([])
  })

  it('leave signing in open', async () => {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'teacher1', password: 'wrong' }),
    })
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: { code: 'unauthorized' } })
  })
})
