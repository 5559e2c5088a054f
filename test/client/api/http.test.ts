import { afterEach, describe, expect, it, vi } from 'vitest'
import { login } from '../../../client/src/api/auth.ts'
import { ApiError, apiDownload, apiRequest } from '../../../client/src/api/http.ts'

function respond(status: number, body?: unknown, headers: Record<string, string> = {}) {
  const answer = vi.fn(
    async (_path: string, _init?: RequestInit) =>
      new Response(body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body), {
        status,
        headers,
      }),
  )
  vi.stubGlobal('fetch', answer)
  return answer
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
    await expect(
      apiRequest('/api/lessons/1/stage', { method: 'POST', body: { to: 'finalized' } }),
    ).rejects.toMatchObject({
      status: 403,
      code: 'forbidden',
      message: '只有备课组长可以定稿',
    })
  })

  it('reports an unreachable server as a network problem', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await expect(apiRequest('/api/me')).rejects.toMatchObject({
      status: 0,
      code: 'network',
      message: '无法连接服务器，请检查网络',
    })
  })

  it('gives a proxy’s page without our JSON the code its status means', async () => {
    respond(502, '<html>Bad Gateway</html>', { 'content-type': 'text/html' })
    await expect(apiRequest('/api/me')).rejects.toMatchObject({
      status: 502,
      code: 'internal',
      message: '服务器出错了，请稍后再试',
    })
  })

  it('rethrows an abort as it is, for the page that asked is gone', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new DOMException('aborted', 'AbortError'))),
    )
    const controller = new AbortController()
    controller.abort()
    const failure = await apiRequest('/api/me', { signal: controller.signal }).catch((error: unknown) => error)
    expect(failure).not.toBeInstanceOf(ApiError)
    expect(failure).toMatchObject({ name: 'AbortError' })
  })

  it('returns nothing for 204', async () => {
    respond(204)
    await expect(apiRequest('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined()
  })

  it('sends JSON with its type, and an upload as it is, letting the browser name a form’s type', async () => {
    const answer = respond(200, { id: 'x' })
    await apiRequest('/api/a', { method: 'POST', body: { n: 1 } })
    const form = new FormData()
    form.set('file', new Blob(['PK']), 'plan.docx')
    await apiRequest('/api/b', { method: 'POST', upload: form })
    const [json, multipart] = answer.mock.calls.map(([, init]) => init)
    expect(json).toMatchObject({ method: 'POST', body: '{"n":1}', credentials: 'same-origin' })
    expect(json?.headers).toMatchObject({ 'content-type': 'application/json' })
    expect(multipart?.body).toBe(form)
    expect(multipart?.headers).not.toHaveProperty('content-type')
  })

  it('says 用户名或密码不正确 when the login is refused', async () => {
    respond(401, { error: { code: 'unauthorized', message: 'invalid credentials' } })
    await expect(login('teacher1', 'wrong')).rejects.toMatchObject({ message: '用户名或密码不正确' })
  })

  it('words a failure by the request’s own words where the server gave no reason', async () => {
    const wording = { internal: '服务器出错了，图片没有插入，请稍后再试', network: '无法连接服务器，图片没有插入' }
    respond(500, { error: { code: 'internal', message: 'boom' } })
    await expect(apiRequest('/api/x', { wording })).rejects.toMatchObject({
      message: '服务器出错了，图片没有插入，请稍后再试',
    })
    respond(413, { error: { code: 'payload_too_large', message: '图片太大（最大 5 MB）' } })
    await expect(apiRequest('/api/x', { wording })).rejects.toMatchObject({
      code: 'payload_too_large',
      message: '图片太大（最大 5 MB）',
    })
  })
})

describe('apiDownload', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('hands over the file and the name the server gave it', async () => {
    respond(200, '%PDF-1.7', {
      'content-disposition': 'attachment; filename="x.pdf"; filename*=UTF-8\'\'%E5%AF%BC%E5%AD%A6%E6%A1%88.pdf',
    })
    const file = await apiDownload('/api/export/x.pdf')
    expect(file.fileName).toBe('导学案.pdf')
    expect(await file.blob.text()).toBe('%PDF-1.7')
  })

  it('has no name when the server’s is missing or not decodable', async () => {
    respond(200, 'x', { 'content-disposition': "attachment; filename*=UTF-8''%E5%AF" })
    expect((await apiDownload('/a')).fileName).toBeNull()
    respond(200, 'x')
    expect((await apiDownload('/a')).fileName).toBeNull()
  })

  it('fails like any request: the server’s reason when it cannot print', async () => {
    respond(503, { error: { code: 'pdf_unavailable', message: '服务器暂时无法生成 PDF，请点“打印”' } })
    await expect(apiDownload('/api/export/x.pdf')).rejects.toMatchObject({
      status: 503,
      code: 'pdf_unavailable',
      message: '服务器暂时无法生成 PDF，请点“打印”',
    })
  })
})
