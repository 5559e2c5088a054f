import { afterEach, describe, expect, it, vi } from 'vitest'
import { login } from '../../../client/src/api/auth.ts'
import { ApiError, apiRequest } from '../../../client/src/api/http.ts'

function respond(status: number, body?: unknown) {
  vi.stubGlobal('fetch', vi.fn(async () => new Response(body === undefined ? null : JSON.stringify(body), { status })))
}

describe('apiRequest', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('turns an error body into an ApiError with a Chinese message and the server’s code', async () => {
    respond(403, { error: { code: 'forbidden', message: 'not a member' } })
    const failure = await apiRequest('/api/documents').catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ status: 403, code: 'forbidden', message: '没有权限进行此操作' })
  })

  it('shows the reason a rule gave for refusing, as the server wrote it', async () => {
    respond(403, { error: { code: 'forbidden', message: '只有备课组长可以定稿' } })
    await expect(apiRequest('/api/lessons/1/stage', { method: 'POST', body: { to: 'finalized' } })).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
      message: '只有备课组长可以定稿',
    })
  })

  it('reports an unreachable server as a network problem', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    await expect(apiRequest('/api/me')).rejects.toMatchObject({ status: 0, message: '无法连接服务器，请检查网络' })
  })

  it('returns nothing for 204', async () => {
    respond(204)
    await expect(apiRequest('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined()
  })

  it('says 用户名或密码不正确 when the login is refused', async () => {
    respond(401, { error: { code: 'invalid_credentials', message: 'invalid credentials' } })
    await expect(login('teacher1', 'wrong')).rejects.toMatchObject({ message: '用户名或密码不正确' })
  })
})
