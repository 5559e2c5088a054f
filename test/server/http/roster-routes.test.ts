/**
 * Importing the staff roster (`POST /api/admin/roster`) against a real server with the demo school:
 * .xlsx and CSV in UTF-8 and GBK, the preview that writes nothing, re-import, and every way a file can be
 * wrong, each answered in Chinese with nothing half-written.
 */
import ExcelJS from 'exceljs'
import { zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Account, AuditPage, SchoolGroup } from '../../../shared/api/school.ts'
import type { RosterResult } from '../../../shared/api/roster.ts'
import { maxRosterBytes } from '../../../shared/school/roster-rules.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { login } from '../../helpers/collab-client.ts'
import { rosterCsv, rosterXlsx } from '../../helpers/roster-files.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
let office: ApiClient
let officeCookie: string

beforeAll(async () => {
  server = await startTestServer()
  office = await apiClientFor(server.url, 'admin')
  officeCookie = await login(server.url, 'admin')
})
afterAll(async () => {
  await server.stop()
})

interface Reply {
  status: number
  body: RosterResult & { error?: { code: string; message: string } }
}

async function upload(bytes: Uint8Array, name: string, { dryRun = false, cookie = officeCookie } = {}): Promise<Reply> {
  const form = new FormData()
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name))
  const response = await fetch(`${server.url}/api/admin/roster${dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    headers: { cookie },
    body: form,
  })
  return { status: response.status, body: (await response.json()) as Reply['body'] }
}

async function accounts(): Promise<Account[]> {
  return (await office.get<Account[]>('/api/admin/accounts')).body
}
async function groups(): Promise<SchoolGroup[]> {
  return (await office.get<SchoolGroup[]>('/api/admin/groups')).body
}
async function snapshot() {
  return JSON.stringify([
    await accounts(),
    await groups(),
    (await office.get<AuditPage>('/api/admin/audit')).body.entries.length,
  ])
}

async function signIn(username: string, password: string): Promise<{ status: number; mustChange?: boolean }> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  const body = (await response.json()) as { user?: { mustChangePassword?: boolean } }
  return { status: response.status, mustChange: body.user?.mustChangePassword }
}

describe('the roster import', () => {
  it('[SCHOOL-13] an .xlsx creates the accounts and the groups it names; a dry run before it writes nothing', async () => {
    const sheet = await rosterXlsx([
      ['孙丽', 'sunli', '组长', '九年级语文备课组', '语文', '九年级', ''],
      ['钱伟', 'qianwei', '教师', '九年级语文备课组、九年级班主任组', '语文', '九年级', 'Qw2024start'],
      ['周敏', 1001, '', '九年级班主任组', '', '', ''],
    ])
    const before = await snapshot()
    const preview = await upload(sheet, '名单.xlsx', { dryRun: true })
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ created: 3, updated: 0, errors: 0, passwords: [] })
    expect(preview.body.newGroups.sort()).toEqual(['九年级班主任组', '九年级语文备课组'])
    expect(preview.body.rows.map(({ row, status, username }) => ({ row, status, username }))).toEqual([
      { row: 2, status: 'create', username: 'sunli' },
      { row: 3, status: 'create', username: 'qianwei' },
      { row: 4, status: 'create', username: '1001' },
    ])
    expect(await snapshot()).toBe(before)

    const imported = await upload(sheet, '名单.xlsx')
    expect(imported.status).toBe(200)
    expect(imported.body).toMatchObject({ created: 3, updated: 0, errors: 0 })
    const passwords = new Map(imported.body.passwords.map((entry) => [entry.username, entry.password]))
    expect(passwords.get('qianwei')).toBe('Qw2024start')
    expect(passwords.get('sunli')).toMatch(/^[a-z2-9]{10}$/)

    const all = await accounts()
    const sun = all.find((account) => account.username === 'sunli')!
    const qian = all.find((account) => account.username === 'qianwei')!
    expect(sun).toMatchObject({ displayName: '孙丽', role: 'leader', mustChangePassword: true })
    expect(all.find((account) => account.username === '1001')).toMatchObject({ displayName: '周敏', role: 'teacher' })
    const chinese = (await groups()).find((group) => group.name === '九年级语文备课组')!
    expect(chinese).toMatchObject({ subject: '语文', grade: '九年级', leaderId: sun.id })
    expect(chinese.memberIds.sort()).toEqual([sun.id, qian.id].sort())
    expect(qian.groupIds).toHaveLength(2)

    // [SCHOOL-8] Like every one-time password, it works once and must be changed first.
    expect(await signIn('sunli', passwords.get('sunli')!)).toEqual({ status: 200, mustChange: true })
    expect(await signIn('qianwei', 'Qw2024start')).toEqual({ status: 200, mustChange: true })
  })

  it('[SCHOOL-13] re-importing the same sheet updates by username and never duplicates', async () => {
    const rows = [
      ['吴芳', 'wufang', '教师', '八年级英语备课组', '英语', '八年级', ''],
      ['郑浩', 'zhenghao', '教师', '八年级英语备课组', '英语', '八年级', ''],
    ]
    expect((await upload(await rosterXlsx(rows), 'a.xlsx')).body.created).toBe(2)
    const count = (await accounts()).length
    const groupCount = (await groups()).length

    const again = await upload(await rosterXlsx(rows), 'a.xlsx')
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ created: 0, updated: 2, errors: 0, passwords: [], newGroups: [] })
    expect(again.body.rows[0]!.message).toBe('已有账号，没有变化')
    expect(await accounts()).toHaveLength(count)
    expect(await groups()).toHaveLength(groupCount)

    // The office's new list: a new name, a promotion, a move to another group.
    const changed = await upload(
      await rosterXlsx([
        ['吴芳芳', 'wufang', '组长', '八年级英语备课组', '英语', '八年级', 'IgnoredPass1'],
        ['郑浩', 'zhenghao', '教师', '七年级英语备课组', '英语', '七年级', ''],
      ]),
      'b.xlsx',
    )
    expect(changed.body).toMatchObject({ created: 0, updated: 2, errors: 0 })
    expect(changed.body.rows[0]!.message).toContain('姓名改为吴芳芳')
    expect(changed.body.rows[0]!.message).toContain('初始密码不用')
    const all = await accounts()
    const wu = all.find((account) => account.username === 'wufang')!
    const zheng = all.find((account) => account.username === 'zhenghao')!
    expect(wu).toMatchObject({ displayName: '吴芳芳', role: 'leader' })
    const byName = new Map((await groups()).map((group) => [group.name, group]))
    expect(byName.get('八年级英语备课组')).toMatchObject({ memberIds: [wu.id], leaderId: wu.id })
    expect(byName.get('七年级英语备课组')!.memberIds).toEqual([zheng.id])
    expect(zheng.groupIds).toEqual([byName.get('七年级英语备课组')!.id])
  })

  it('[SCHOOL-14] reads CSV saved by Chinese Excel in GBK, and UTF-8 with or without a BOM', async () => {
    for (const [encoding, username] of [
      ['gbk', 'gbkteacher'],
      ['utf-8', 'utf8teacher'],
      ['utf-8-bom', 'bomteacher'],
    ] as const) {
      const reply = await upload(
        rosterCsv([['欧阳修', username, '教师', '七年级语文备课组', '语文', '七年级', '']], encoding),
        'roster.csv',
      )
      expect(reply.status, encoding).toBe(200)
      expect(reply.body.created, encoding).toBe(1)
      const account = (await accounts()).find((candidate) => candidate.username === username)
      expect(account?.displayName, encoding).toBe('欧阳修')
    }
    expect((await groups()).filter((group) => group.name === '七年级语文备课组')).toHaveLength(1)
  })

  it('[SCHOOL-14] a sheet with bad rows is answered row by row, in Chinese, and nothing is written', async () => {
    const sheet = await rosterXlsx([
      ['甲', 'dup', '教师', '', '', '', ''],
      ['乙', 'dup', '教师', '', '', '', ''],
      ['', 'noname', '教师', '', '', '', ''],
      ['丙', 'bingbing', '校长', '', '', '', ''],
      ['丁', 'dingding', '教师', '', '', '', '123'],
      ['戊', 'admin', '教师', '', '', '', ''],
      ['己', 'jiji', '教师', '新组', '数学', '', ''],
      ['庚', 'genggeng', '教师', '新组', '物理', '', ''],
      ['辛', 'xinxin', '教师', '', '', '', ''],
    ])
    const before = await snapshot()
    const reply = await upload(sheet, 'bad.xlsx')
    expect(reply.status).toBe(422)
    expect(reply.body.errors).toBe(7)
    const message = (row: number) => reply.body.rows.find((result) => result.row === row)?.message
    expect(message(2)).toContain('第 3 行也出现了')
    expect(message(3)).toContain('第 2 行也出现了')
    expect(message(4)).toBe('请填写姓名')
    expect(message(5)).toContain('角色“校长”不认识')
    expect(message(6)).toContain('初始密码')
    // The demo's own office account: demoting the last 教导处 is refused.
    expect(message(7)).toContain('教导处')
    expect(message(9)).toContain('学科在第 8 行是“数学”')
    expect(reply.body.rows.find((result) => result.row === 10)).toMatchObject({ status: 'create', username: 'xinxin' })
    expect(await snapshot()).toBe(before)
  })

  it('[SCHOOL-14] a username of another school is an error of its row', async () => {
    const other = await server.store.accounts.createSchool('另一所学校')
    await server.store.accounts.createAccount({
      schoolId: other,
      username: 'elsewhere',
      displayName: '外校',
      role: 'teacher',
      color: '#000000',
      passwordHash: 'x',
    })
    const reply = await upload(rosterCsv([['外校老师', 'elsewhere', '', '', '', '', '']], 'utf-8'), 'x.csv', {
      dryRun: true,
    })
    expect(reply.body.rows[0]).toMatchObject({
      status: 'error',
      message: '用户名 elsewhere 已被其他学校的账号使用，请换一个',
    })
  })

  it('[SCHOOL-14] broken files, wrong columns and empty sheets are refused with a reason, writing nothing', async () => {
    // Made first: compressing takes seconds, long enough for the server to drop an idle kept-alive connection.
    const bombBytes = zipSync({ '[Content_Types].xml': new Uint8Array(80 * 1024 * 1024) }, { level: 9 })
    const before = await snapshot()
    const refusal = async (bytes: Uint8Array, name: string) => {
      const reply = await upload(bytes, name)
      return { status: reply.status, code: reply.body.error?.code, message: reply.body.error?.message ?? '' }
    }
    const wrongColumns = await refusal(rosterCsv([['张三', 'zs']], 'utf-8', ['名字', '账号']), 'a.csv')
    expect(wrongColumns).toMatchObject({ status: 400, code: 'invalid_request' })
    expect(wrongColumns.message).toContain('表头缺少：姓名、用户名')

    const broken = await refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]), 'broken.xlsx')
    expect(broken).toMatchObject({ status: 400, code: 'corrupt_file' })
    expect(broken.message).toContain('无法读取')

    const notWorkbook = await refusal(zipSync({ 'hello.txt': new TextEncoder().encode('hi') }), 'zip.xlsx')
    expect(notWorkbook.status).toBe(400)

    const oldExcel = await refusal(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'old.xls')
    expect(oldExcel).toMatchObject({ status: 400, code: 'unsupported_file' })
    expect(oldExcel.message).toContain('.xls')

    const picture = await refusal(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 'photo.csv')
    expect(picture).toMatchObject({ status: 400, code: 'unsupported_file' })

    expect(await refusal(new Uint8Array(), 'empty.csv')).toMatchObject({ status: 400 })
    expect((await refusal(rosterCsv([], 'utf-8', ['', '']), 'blank.csv')).message).toContain('表格是空的')

    const bomb = await refusal(bombBytes, 'bomb.xlsx')
    expect(bomb).toMatchObject({ status: 400, code: 'unsafe_file' })

    const quotes = await refusal(
      new TextEncoder().encode('姓名,用户名,角色,备课组,学科,年级\n"张三,zs,教师,,,\n'),
      'q.csv',
    )
    expect(quotes.status).toBe(400)

    const huge = await refusal(new Uint8Array(maxRosterBytes + 1), 'huge.csv')
    expect(huge).toMatchObject({ status: 413, code: 'payload_too_large' })
    expect(await snapshot()).toBe(before)
  })

  it('[SCHOOL-2] only the office imports, and is refused before the file is read', async () => {
    const teacher = await login(server.url, 'teacher1')
    const leader = await login(server.url, 'leader')
    const sheet = rosterCsv([['冒名', 'impostor', '教导处', '', '', '', 'Impostor123']], 'utf-8')
    expect((await upload(sheet, 'r.csv', { cookie: teacher })).status).toBe(403)
    expect((await upload(sheet, 'r.csv', { cookie: leader, dryRun: true })).status).toBe(403)
    expect((await fetch(`${server.url}/api/admin/roster/template`, { headers: { cookie: teacher } })).status).toBe(403)
    expect((await fetch(`${server.url}/api/admin/roster`, { method: 'POST', body: new FormData() })).status).toBe(401)
    expect((await accounts()).some((account) => account.username === 'impostor')).toBe(false)
  })

  it('[SCHOOL-11] the import is in the audit log: the import itself, and each account and group it made', async () => {
    await upload(
      await rosterXlsx([['冯老师', 'fengteacher', '教师', '六年级科学备课组', '科学', '六年级', '']]),
      '科学组.xlsx',
    )
    const { entries } = (await office.get<AuditPage>('/api/admin/audit')).body
    const actions = entries
      .slice(0, 3)
      .map((entry) => entry.action)
      .sort()
    expect(actions).toEqual(['account.create', 'group.create', 'roster.import'])
    const summary = entries.find((entry) => entry.action === 'roster.import')!
    expect(summary.detail).toMatchObject({
      file: '科学组.xlsx',
      created: 1,
      updated: 0,
      newGroups: ['六年级科学备课组'],
    })
    expect(entries.find((entry) => entry.action === 'account.create')!.targetUser?.username).toBe('fengteacher')
  })

  it('[SCHOOL-13] the template and the password sheet are workbooks the import reads back', async () => {
    const template = await fetch(`${server.url}/api/admin/roster/template`, { headers: { cookie: officeCookie } })
    expect(template.status).toBe(200)
    expect(template.headers.get('content-disposition')).toContain(encodeURIComponent('教职工名单模板.xlsx'))
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await template.arrayBuffer())
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([
      undefined,
      '姓名',
      '用户名',
      '角色',
      '备课组',
      '学科',
      '年级',
      '初始密码',
    ])
    // Filled in, the template imports.
    workbook.worksheets[0]!.addRow(['褚老师', 'chuteacher', '教师', '', '', '', ''])
    const filled = new Uint8Array(await workbook.xlsx.writeBuffer())
    expect((await upload(filled, '模板.xlsx', { dryRun: true })).body.rows).toEqual([
      { row: 2, status: 'create', username: 'chuteacher', message: '新账号，生成一次性密码' },
    ])

    const sheet = await fetch(`${server.url}/api/admin/roster/password-sheet`, {
      method: 'POST',
      headers: { cookie: officeCookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ passwords: [{ row: 2, username: '007', displayName: '褚老师', password: 'abcdefgh23' }] }),
    })
    expect(sheet.status).toBe(200)
    const passwords = new ExcelJS.Workbook()
    await passwords.xlsx.load(await sheet.arrayBuffer())
    expect(passwords.worksheets[0]!.getRow(2).values).toEqual([
      undefined,
      '褚老师',
      '007',
      'abcdefgh23',
      '首次登录后须修改密码',
    ])
  })
})
