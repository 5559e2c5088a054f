import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TemplateView } from '../../../shared/api/template.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import type { LessonTemplate } from '../../../shared/template/lesson-template.ts'
import { login } from '../../helpers/collab-client.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
const cookies = new Map<string, string>()

beforeAll(async () => {
  server = await startTestServer()
  for (const username of ['admin', 'leader', 'teacher1', 'guest'])
    cookies.set(username, await login(server.url, username))
})
afterAll(async () => {
  await server.stop()
})

function request(method: 'GET' | 'PUT', username: string | null, body?: unknown) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' }
  if (username) headers.Cookie = cookies.get(username)!
  return fetch(`${server.url}/api/template`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string } }).error
}

const revised: LessonTemplate = {
  sections: [
    { key: 'objectives', title: '学习目标', hint: '', teacherOnly: false },
    { key: 'custom-1', title: '情境导入', hint: '用一个生活问题引入', teacherOnly: false },
    { key: 'reflection', title: '课后反思', hint: '', teacherOnly: true },
  ],
}

describe('GET/PUT /api/template', () => {
  it('gives everyone of the school the default template until the office saves one', async () => {
    for (const username of ['admin', 'teacher1', 'guest']) {
      const response = await request('GET', username)
      expect(response.status).toBe(200)
      const view = (await response.json()) as TemplateView
      expect(view).toEqual({
        template: defaultLessonTemplate,
        isDefault: true,
        updatedAt: null,
        updatedBy: null,
        canEdit: username === 'admin',
      })
    }
  })

  it('answers 401 without a session', async () => {
    expect((await request('GET', null)).status).toBe(401)
    expect((await request('PUT', null, { template: revised })).status).toBe(401)
  })

  it.each(['leader', 'teacher1', 'guest'])(
    'refuses %s a change with 403 and a reason, and changes nothing',
    async (username) => {
      const response = await request('PUT', username, { template: revised })
      expect(response.status).toBe(403)
      expect(await errorOf(response)).toEqual({ code: 'forbidden', message: '只有教导处可以修改导学案模板' })
      expect(
        await server.store.templates.findTemplate((await server.store.accounts.findUserByUsername(username))!.schoolId),
      ).toBeNull()
    },
  )

  it('refuses an invalid template with 400 and a Chinese reason, and changes nothing', async () => {
    const blank = { sections: [{ ...revised.sections[0]!, title: '  ' }] }
    const duplicate = { sections: [revised.sections[0]!, { ...revised.sections[1]!, key: 'objectives' }] }
    for (const [template, message] of [
      [blank, '栏目标题不能为空'],
      [duplicate, '栏目标识“objectives”重复了'],
      [{ sections: [] }, '模板至少要有一个栏目'],
    ] as const) {
      const response = await request('PUT', 'admin', { template })
      expect(response.status).toBe(400)
      const error = await errorOf(response)
      expect(error.code).toBe('invalid_request')
      expect(error.message).toContain(message)
    }
    expect((await request('PUT', 'admin', { sections: revised.sections })).status).toBe(400)
    expect(((await (await request('GET', 'teacher1')).json()) as TemplateView).isDefault).toBe(true)
  })

  it('lets the office save a template that everyone then reads, with who saved it', async () => {
    const response = await request('PUT', 'admin', { template: revised })
    expect(response.status).toBe(200)
    const saved = (await response.json()) as TemplateView
    expect(saved).toMatchObject({
      template: revised,
      isDefault: false,
      updatedBy: { displayName: '周主任' },
      canEdit: true,
    })
    expect(Date.parse(saved.updatedAt!)).not.toBeNaN()
    const read = (await (await request('GET', 'teacher1')).json()) as TemplateView
    expect(read).toEqual({ ...saved, canEdit: false })
  })

  it('describes both operations in the OpenAPI document', async () => {
    const openapi = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, object> }
    expect(Object.keys(openapi.paths['/api/template']!)).toEqual(expect.arrayContaining(['get', 'put']))
  })
})
