/** 教案检查 over HTTP against a real server with the demo school. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PlanCheck } from '../../../shared/api/checks.ts'
import type { Account } from '../../../shared/api/school.ts'
import { login } from '../../helpers/collab-client.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
const semester = '2030-2031学年第一学期'

function as(cookie: string) {
  return async <T = { error: { code: string; message: string } }>(method: string, path: string, body?: unknown) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? { cookie } : { cookie, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    return { status: response.status, body: (await response.json()) as T }
  }
}

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(() => server.close())

describe('教案检查 routes', () => {
  it('[CHECK-1] [CHECK-2] [CHECK-4] the office records and re-checks; the teacher sees their own, nobody else does', async () => {
    const office = as(await login(server.url, 'admin'))
    const teacher1 = as(await login(server.url, 'teacher1'))
    const teacher2 = as(await login(server.url, 'teacher2'))
    const leader = as(await login(server.url, 'leader'))
    const accounts = (await office<Account[]>('GET', '/api/admin/accounts')).body
    const idOf = (username: string) => accounts.find((account) => account.username === username)!.id

    const first = await office<PlanCheck>('PUT', `/api/admin/checks/${idOf('teacher1')}`, {
      semester,
      grade: 'good',
      comment: '二次备课做得认真',
    })
    expect(first).toMatchObject({ status: 200, body: { grade: 'good', comment: '二次备课做得认真' } })
    const again = await office<PlanCheck>('PUT', `/api/admin/checks/${idOf('teacher1')}`, {
      semester,
      grade: 'excellent',
    })
    expect(again.body).toMatchObject({ grade: 'excellent', comment: '' })

    expect((await teacher1<PlanCheck[]>('GET', '/api/me/checks')).body).toMatchObject([
      { semester, grade: 'excellent' },
    ])
    expect((await teacher2<PlanCheck[]>('GET', '/api/me/checks')).body).toEqual([])
    expect(
      (await office<PlanCheck[]>('GET', `/api/admin/checks?semester=${encodeURIComponent(semester)}`)).body,
    ).toHaveLength(1)

    const byLeader = await leader('PUT', `/api/admin/checks/${idOf('teacher2')}`, { semester, grade: 'pass' })
    expect(byLeader.status).toBe(403)
    expect(byLeader.body.error.message).toBe('只有教导处可以做教案检查')
    expect((await leader('GET', `/api/admin/checks?semester=${encodeURIComponent(semester)}`)).status).toBe(403)
    const expert = await office('PUT', `/api/admin/checks/${idOf('guest')}`, { semester, grade: 'pass' })
    expect(expert.status).toBe(400)
    const badGrade = await office('PUT', `/api/admin/checks/${idOf('teacher2')}`, { semester, grade: '很好' })
    expect(badGrade.status).toBe(400)
    const unknown = await office('PUT', '/api/admin/checks/00000000-0000-0000-0000-000000000000', {
      semester,
      grade: 'pass',
    })
    expect(unknown.status).toBe(404)
  })
})

describe('教案检查 export', () => {
  it('[CHECK-5] the office downloads the counts and checks as an .xlsx; a teacher or leader is refused', async () => {
    const officeCookie = await login(server.url, 'admin')
    const office = as(officeCookie)
    const accounts = (await office<Account[]>('GET', '/api/admin/accounts')).body
    const teacher2 = accounts.find((account) => account.username === 'teacher2')!
    await office('PUT', `/api/admin/checks/${teacher2.id}`, { semester, grade: 'improve', comment: '反思要\n写具体' })

    const path = `/api/admin/checks/export?semester=${encodeURIComponent(semester)}`
    const response = await fetch(`${server.url}${path}`, { headers: { cookie: officeCookie } })
    expect(response.status).toBe(200)
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('教案检查'))
    const { default: ExcelJS } = await import('exceljs')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const rows = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .filter((row) => row !== undefined)
        .map((row) => (row as unknown[]).slice(1))
    const counts = rows('统计')
    expect(counts[0]).toEqual(['姓名', '备课组', '主备', '二次备课', '反思', '批注'])
    expect(counts.some((row) => row[0] === teacher2.displayName)).toBe(true)
    const checks = rows('教案检查')
    expect(checks[0]).toEqual(['姓名', '学期', '等级', '评语', '检查人', '时间'])
    const row = checks.find((cells) => cells[0] === teacher2.displayName)!
    expect(row.slice(1, 5)).toEqual([
      semester,
      '待改进',
      '反思要\n写具体',
      accounts.find((a) => a.username === 'admin')!.displayName,
    ])
    expect(checks.some((cells) => cells[0] === accounts.find((a) => a.username === 'guest')!.displayName)).toBe(false)

    for (const username of ['teacher1', 'leader']) {
      const refused = await fetch(`${server.url}${path}`, { headers: { cookie: await login(server.url, username) } })
      expect(refused.status).toBe(403)
    }
  })
})
