/**
 * The office's accounts, groups and audit log, and a teacher's own password and sessions, against a real
 * server with the demo school.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Me } from '../../../shared/api.ts'
import type {
  Account,
  AccountWithPassword,
  AuditPage,
  SchoolGroup,
  SignedInSession,
} from '../../../shared/api/school.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { demoPassword, login, waitFor, wsToken } from '../../helpers/collab-client.ts'
import { openRawSocket } from '../../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
let office: ApiClient

interface Reply<T> {
  status: number
  body: T
}

/** Requests with one cookie: a browser of a user who is not in the demo. */
function as(cookie: string) {
  return async <T = { error: { code: string; message: string } }>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Reply<T>> => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? { cookie } : { cookie, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T }
  }
}

async function loginStatus(username: string, password: string): Promise<{ status: number; message?: string }> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  const body = (await response.json()) as { error?: { message: string } }
  return { status: response.status, message: body.error?.message }
}

async function accountNamed(username: string): Promise<Account> {
  const { body } = await office.get<Account[]>('/api/admin/accounts')
  return body.find((account) => account.username === username)!
}

beforeAll(async () => {
  server = await startTestServer()
  office = await apiClientFor(server.url, 'admin')
})
afterAll(async () => {
  await server.stop()
})

describe('accounts', () => {
  it('[SCHOOL-2] are the office’s to manage: a teacher is refused', async () => {
    const teacher = await apiClientFor(server.url, 'teacher1')
    expect((await teacher.get('/api/admin/accounts')).status).toBe(403)
    expect((await teacher.post('/api/admin/groups', { name: '八年级物理备课组' })).status).toBe(403)
    expect((await teacher.get('/api/admin/audit')).status).toBe(403)
    const { status, body } = await office.get<Account[]>('/api/admin/accounts')
    expect(status).toBe(200)
    expect(body.map((account) => account.username)).toContain('teacher1')
  })

  it('[SCHOOL-8] a new account gets a one-time password that must be changed before anything else', async () => {
    const created = await office.post<AccountWithPassword>('/api/admin/accounts', {
      username: 'wu',
      displayName: '吴老师',
      role: 'teacher',
    })
    expect(created.status).toBe(201)
    const password = created.body.oneTimePassword!
    expect(password).toMatch(/^[a-z2-9]{10}$/)
    expect(created.body.account).toMatchObject({ username: 'wu', mustChangePassword: true, disabledAt: null })

    const wu = as(await login(server.url, 'wu', password))
    expect((await wu<Me>('GET', '/api/me')).body.mustChangePassword).toBe(true)
    const blocked = await wu('GET', '/api/documents')
    expect(blocked.status).toBe(403)
    expect(blocked.body.error.code).toBe('password_change_required')
    expect(
      (await wu('POST', '/api/me/password', { currentPassword: 'wrong-one', newPassword: 'wu-own-2026' })).status,
    ).toBe(403)
    expect(
      (await wu('POST', '/api/me/password', { currentPassword: password, newPassword: 'short' })).body.error.message,
    ).toBe('密码至少 8 位')
    const changed = await wu<Me>('POST', '/api/me/password', { currentPassword: password, newPassword: 'wu-own-2026' })
    expect(changed.status).toBe(200)
    expect(changed.body.mustChangePassword).toBe(false)
    expect((await wu('GET', '/api/documents')).status).toBe(200)
    expect((await loginStatus('wu', password)).status).toBe(401)
  })

  it('refuses a taken username and a bad one, in Chinese', async () => {
    const taken = await office.post<{ error: { message: string } }>('/api/admin/accounts', {
      username: 'teacher1',
      displayName: '又一位',
      role: 'teacher',
    })
    expect(taken.status).toBe(400)
    expect(taken.body.error.message).toBe('用户名 teacher1 已被使用，请换一个')
    const bad = await office.post<{ error: { message: string } }>('/api/admin/accounts', {
      username: '李 老师',
      displayName: '李',
      role: 'teacher',
    })
    expect(bad.status).toBe(400)
  })

  it('[SCHOOL-3] [SCHOOL-12] disabling ends the sessions and open documents; plans stay attributed; enabling restores sign-in', async () => {
    const cookie = await login(server.url, 'teacher3')
    const socket = await openRawSocket(server.url, server.sampleDocumentId, await wsToken(server.url, 'teacher3'))
    await waitFor(() => socket.received.length > 0, 'the room to greet teacher3')
    const teacher3 = await accountNamed('teacher3')
    const { schoolId } = (await server.store.accounts.findUserById(teacher3.id))!
    const documentsBefore = await server.store.documents.listDocumentsOfSchool(schoolId)

    const disabled = await office.post<Account>(`/api/admin/accounts/${teacher3.id}/disable`)
    expect(disabled.status).toBe(200)
    expect(disabled.body.disabledAt).not.toBeNull()
    expect((await socket.closed).code).toBe(CloseCode.unauthorized)
    expect((await as(cookie)('GET', '/api/me')).status).toBe(401)
    expect(await loginStatus('teacher3', demoPassword)).toEqual({ status: 403, message: '该账号已停用，请联系教导处' })
    expect(await loginStatus('teacher3', 'not-the-password')).toMatchObject({ status: 401 })
    expect(await server.store.accounts.findUserById(teacher3.id)).toMatchObject({ displayName: '刘老师' })
    expect(await server.store.documents.listDocumentsOfSchool(schoolId)).toEqual(documentsBefore)

    expect((await office.post(`/api/admin/accounts/${teacher3.id}/enable`)).status).toBe(200)
    expect((await loginStatus('teacher3', demoPassword)).status).toBe(200)
  })

  it('[SCHOOL-8] a reset gives a new one-time password and signs the teacher out everywhere', async () => {
    const cookie = await login(server.url, 'teacher2')
    const teacher2 = await accountNamed('teacher2')
    const reset = await office.post<AccountWithPassword>(`/api/admin/accounts/${teacher2.id}/reset-password`)
    expect(reset.status).toBe(200)
    expect((await as(cookie)('GET', '/api/me')).status).toBe(401)
    expect((await loginStatus('teacher2', demoPassword)).status).toBe(401)
    const fresh = as(await login(server.url, 'teacher2', reset.body.oneTimePassword!))
    expect((await fresh<Me>('GET', '/api/me')).body.mustChangePassword).toBe(true)
    expect(
      (
        await fresh('POST', '/api/me/password', {
          currentPassword: reset.body.oneTimePassword,
          newPassword: demoPassword,
        })
      ).status,
    ).toBe(200)
  })

  it('[SCHOOL-4] the office cannot disable itself or leave the school without an office account', async () => {
    const admin = await accountNamed('admin')
    const self = await office.post<{ error: { message: string } }>(`/api/admin/accounts/${admin.id}/disable`)
    expect(self.status).toBe(403)
    expect(self.body.error.message).toBe('不能停用自己的账号')
    const demote = await office.patch<{ error: { message: string } }>(`/api/admin/accounts/${admin.id}`, {
      role: 'teacher',
    })
    expect(demote.status).toBe(403)
    expect(demote.body.error.message).toBe('学校至少要有一个可用的教导处账号')
  })

  it('[SCHOOL-5] [SCHOOL-7] an outside expert needs an end date and sees only the groups invited to', async () => {
    const { body: groups } = await office.get<SchoolGroup[]>('/api/admin/groups')
    const math = groups.find((group) => group.name === '七年级数学备课组')!
    const noEnd = await office.post<{ error: { message: string } }>('/api/admin/accounts', {
      username: 'expert',
      displayName: '钱教研员',
      role: 'guest',
      password: 'expert-2026',
    })
    expect(noEnd.body.error.message).toBe('校外教研员须设访问期限')
    const physics = await office.post<SchoolGroup>('/api/admin/groups', {
      name: '八年级物理备课组',
      subject: '物理',
      grade: '八年级',
    })
    const until = new Date(Date.now() + 30 * 86_400_000).toISOString()
    const created = await office.post<AccountWithPassword>('/api/admin/accounts', {
      username: 'expert',
      displayName: '钱教研员',
      role: 'guest',
      password: 'expert-2026',
      groupIds: [physics.body.id],
      accessUntil: until,
    })
    expect(created.status).toBe(201)
    expect(created.body.account).toMatchObject({ accessUntil: until, groupIds: [physics.body.id] })
    expect(
      (await office.get<SchoolGroup[]>('/api/admin/groups')).body.find((g) => g.id === physics.body.id)?.memberIds,
    ).toEqual([])

    const expert = as(await login(server.url, 'expert', 'expert-2026'))
    await expert('POST', '/api/me/password', { currentPassword: 'expert-2026', newPassword: 'expert-own-2026' })
    const { body: documents } = await expert<{ groupId: string }[]>('GET', '/api/documents')
    expect(documents.every((document) => document.groupId !== math.id)).toBe(true)

    await office.patch(`/api/admin/accounts/${created.body.account.id}`, { groupIds: [math.id, physics.body.id] })
    const { body: after } = await expert<{ groupId: string }[]>('GET', '/api/documents')
    expect(after.some((document) => document.groupId === math.id)).toBe(true)
  })
})

describe('groups', () => {
  it('[SCHOOL-6] are created, renamed and given a leader who is a member with the 组长 role; a teacher is in several', async () => {
    const created = await office.post<SchoolGroup>('/api/admin/groups', {
      name: '七年级语文备课组',
      subject: '语文',
      grade: '七年级',
    })
    expect(created.status).toBe(201)
    const id = created.body.id
    const [li, wang] = [await accountNamed('teacher1'), await accountNamed('leader')]
    const notLeader = await office.patch<{ error: { message: string } }>(`/api/admin/groups/${id}`, {
      memberIds: [li.id],
      leaderId: li.id,
    })
    expect(notLeader.body.error.message).toBe('请先把这位老师的角色设为组长')
    const outside = await office.patch<{ error: { message: string } }>(`/api/admin/groups/${id}`, { leaderId: wang.id })
    expect(outside.body.error.message).toBe('组长须是本组成员')
    const set = await office.patch<SchoolGroup>(`/api/admin/groups/${id}`, {
      memberIds: [li.id, wang.id],
      leaderId: wang.id,
      name: '初一语文备课组',
    })
    expect(set.status).toBe(200)
    expect(set.body).toMatchObject({
      name: '初一语文备课组',
      subject: '语文',
      leaderId: wang.id,
      memberIds: [li.id, wang.id].sort(),
    })
    expect((await accountNamed('teacher1')).groupIds).toHaveLength(2)
    const clash = await office.patch<{ error: { message: string } }>(`/api/admin/groups/${id}`, {
      name: '七年级数学备课组',
    })
    expect(clash.body.error.message).toBe('已经有名为“七年级数学备课组”的备课组')
    const li1 = as(await login(server.url, 'teacher1'))
    expect((await li1<Me>('GET', '/api/me')).body.groups.map((group) => group.name)).toContain('初一语文备课组')
  })
})

describe('the audit log', () => {
  it('[SCHOOL-11] tells the office who created, changed, disabled and reset whom, newest first', async () => {
    const { status, body } = await office.get<AuditPage>('/api/admin/audit')
    expect(status).toBe(200)
    const actions = body.entries.map((entry) => entry.action)
    for (const action of [
      'account.create',
      'account.disable',
      'account.enable',
      'account.resetPassword',
      'group.create',
      'group.members',
    ]) {
      expect(actions).toContain(action)
    }
    const disabled = body.entries.find((entry) => entry.action === 'account.disable')!
    expect(disabled.actor).toMatchObject({ displayName: '周主任' })
    expect(disabled.targetUser).toMatchObject({ username: 'teacher3', displayName: '刘老师' })
    const times = body.entries.map((entry) => entry.at)
    expect([...times].sort().reverse()).toEqual(times)
  })

  it('[SCHOOL-11] pages from the last entry shown, and wants its time and id together', async () => {
    const first = (await office.get<AuditPage>('/api/admin/audit')).body
    const last = first.entries.at(-1)
    expect(last).toBeDefined()
    if (!last) return
    const next = await office.get<AuditPage>(
      `/api/admin/audit?before=${encodeURIComponent(last.at)}&beforeId=${last.id}`,
    )
    expect(next.status).toBe(200)
    const shown = new Set(first.entries.map((entry) => entry.id))
    expect(next.body.entries.filter((entry) => shown.has(entry.id))).toEqual([])
    expect((await office.get(`/api/admin/audit?before=${encodeURIComponent(last.at)}`)).status).toBe(400)
  })
})

describe('one’s own password', () => {
  it('[SCHOOL-9] is changed with the current one and signs out every other session', async () => {
    const here = as(await login(server.url, 'apprentice'))
    const elsewhere = as(await login(server.url, 'apprentice'))
    const same = await here<{ error: { message: string } }>('POST', '/api/me/password', {
      currentPassword: demoPassword,
      newPassword: demoPassword,
    })
    expect(same.body.error.message).toBe('新密码不能与当前密码相同')
    expect(
      (await here('POST', '/api/me/password', { currentPassword: demoPassword, newPassword: 'zhao-own-2026' })).status,
    ).toBe(200)
    expect((await elsewhere('GET', '/api/me')).status).toBe(401)
    expect((await here('GET', '/api/me')).status).toBe(200)
    expect((await loginStatus('apprentice', 'zhao-own-2026')).status).toBe(200)
  })
})

describe('one’s own sessions', () => {
  it('[SCHOOL-10] lists where one is signed in and signs out elsewhere', async () => {
    const here = as(await login(server.url, 'mentor'))
    const phone = as(await login(server.url, 'mentor'))
    const laptop = as(await login(server.url, 'mentor'))
    const { body: sessions } = await here<SignedInSession[]>('GET', '/api/me/sessions')
    expect(sessions.length).toBeGreaterThanOrEqual(3)
    expect(sessions.filter((session) => session.current)).toHaveLength(1)
    const other = sessions.find((session) => !session.current)!
    expect((await here('DELETE', `/api/me/sessions/${other.id}`)).status).toBe(204)
    const stillIn = [(await phone('GET', '/api/me')).status, (await laptop('GET', '/api/me')).status]
    expect(stillIn.sort()).toEqual([200, 401])
    expect((await here<{ ended: number }>('POST', '/api/me/sessions/end-others')).body.ended).toBeGreaterThanOrEqual(1)
    expect((await phone('GET', '/api/me')).status).toBe(401)
    expect((await laptop('GET', '/api/me')).status).toBe(401)
    expect((await here('GET', '/api/me')).status).toBe(200)
  })
})
