/** `GET /api/groups/{groupId}/members` (whom a thread may mention, names of other authors) and who moderates threads. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DocumentSummary } from '../../../../shared/api.ts'
import type { GroupMember } from '../../../../shared/api/groups.ts'
import { type ApiClient, apiClientFor } from '../../../helpers/api-client.ts'
import { demoGroupId, userId } from '../../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../../helpers/test-server.ts'

let server: TestServer
let teacher: ApiClient
let groupId: string

beforeAll(async () => {
  server = await startTestServer()
  teacher = await apiClientFor(server.url, 'teacher2')
  groupId = await demoGroupId(await apiClientFor(server.url, 'leader'))
})
afterAll(async () => {
  await server.stop()
})

describe('GET /api/groups/{groupId}/members', () => {
  it('lists the members with their colours, not the office or the guest', async () => {
    const { status, body } = await teacher.get<GroupMember[]>(`/api/groups/${groupId}/members`)
    expect(status).toBe(200)
    const names = body.map((person) => person.displayName)
    expect(names).toEqual(expect.arrayContaining(['王老师', '李老师', '张老师', '陈老师', '赵老师']))
    expect(names).not.toContain('孙老师')
    expect(names).not.toContain('周主任')
    expect(body.find((person) => person.displayName === '李老师')).toMatchObject({
      role: 'teacher',
      color: '#1971c2',
      member: true,
    })
  })

  it('[MENTION-1] gives each name’s 拼音 and initials, a surname read as a surname, for the 「@」 list', async () => {
    const { body } = await teacher.get<GroupMember[]>(`/api/groups/${groupId}/members`)
    expect(body.find((person) => person.displayName === '李老师')?.spelling).toBe('lilaoshi lls')
    expect(body.find((person) => person.displayName === '陈老师')?.spelling).toBe('chenlaoshi cls')
  })

  it('adds the users asked for by id, once each, marked as not members', async () => {
    const [guest, li] = await Promise.all([userId(server, 'guest'), userId(server, 'teacher1')])
    const { body } = await teacher.get<GroupMember[]>(
      `/api/groups/${groupId}/members?also=${guest},${li},${guest},nobody`,
    )
    expect(body.filter((person) => person.id === guest)).toEqual([
      { id: guest, displayName: '孙老师', role: 'guest', color: '#a61e4d', member: false, spelling: 'sunlaoshi sls' },
    ])
    expect(body.filter((person) => person.id === li)).toHaveLength(1)
    expect(body.some((person) => person.id === 'nobody')).toBe(false)
  })

  it('answers 404 for a group that does not exist and 401 without a login', async () => {
    const { status, body } = await teacher.get<{ error: { code: string } }>('/api/groups/no-such-group/members')
    expect(status).toBe(404)
    expect(body.error.code).toBe('not_found')
    expect((await fetch(`${server.url}/api/groups/${groupId}/members`)).status).toBe(401)
  })
})

describe('GET /api/documents: threadModerator', () => {
  it('is true for the group leader on every document of the group and false for a guest', async () => {
    const [leader, guest] = await Promise.all([apiClientFor(server.url, 'leader'), apiClientFor(server.url, 'guest')])
    const [asLeader, asGuest] = await Promise.all([
      leader.get<DocumentSummary[]>('/api/documents'),
      guest.get<DocumentSummary[]>('/api/documents'),
    ])
    expect(asLeader.body.length).toBeGreaterThan(0)
    expect(
      asLeader.body.filter((document) => document.groupId === groupId).every((document) => document.threadModerator),
    ).toBe(true)
    expect(asGuest.body.length).toBeGreaterThan(0)
    expect(asGuest.body.some((document) => document.threadModerator)).toBe(false)
  })
})
