/** Lessons and extra people for tests of the 备课计划 against a demo test server. */
import type { LessonPlanInput, LessonSummary } from '../../shared/api/lessons.ts'
import type { Me } from '../../shared/api.ts'
import { hashPassword } from '../../server/auth/passwords.ts'
import type { RunningServer } from '../../server/start.ts'
import type { ApiClient } from './api-client.ts'
import { demoPassword } from './collab-client.ts'

export async function demoGroupId(leader: ApiClient): Promise<string> {
  const { body } = await leader.get<Me>('/api/me')
  return body.groups[0]!.id
}

export async function userId(server: RunningServer, username: string): Promise<string> {
  const user = await server.store.accounts.findUserByUsername(username)
  if (!user) throw new Error(`no user ${username}`)
  return user.id
}

export function planInput(leadPreparerId: string, fields: Partial<LessonPlanInput> = {}): LessonPlanInput {
  return {
    title: '3.2 解一元一次方程（一）',
    lessonType: '新授',
    period: 1,
    scheduledDate: '2026-12-08',
    scheduledTime: '14:00',
    place: '数学教研室',
    leadPreparerId,
    ...fields,
  }
}

export async function addLesson(leader: ApiClient, groupId: string, input: LessonPlanInput): Promise<LessonSummary> {
  const { status, body } = await leader.post<LessonSummary>(`/api/groups/${groupId}/lessons`, input)
  if (status !== 201) throw new Error(`adding a lesson failed: ${status} ${JSON.stringify(body)}`)
  return body
}

/**
 * Adds the people the demo school lacks: 何老师, leader of a 七年级语文备课组, and 许老师, a leader in
 * another school who is also in a group called like ours.
 */
export async function addOutsiders(server: RunningServer): Promise<void> {
  const { store } = server
  const admin = (await store.accounts.findUserByUsername('admin'))!
  const passwordHash = await hashPassword(demoPassword)
  const chinese = await store.groups.createGroup(admin.schoolId, '七年级语文备课组')
  const he = await store.accounts.createUser({
    username: 'chinese-leader',
    displayName: '何老师',
    role: 'leader',
    schoolId: admin.schoolId,
    color: '#5c940d',
    passwordHash,
  })
  await store.groups.addGroupMember(chinese.id, he.id)
  const riverside = await store.accounts.createSchool('河畔中学')
  const riversideMath = await store.groups.createGroup(riverside, '七年级数学备课组')
  const xu = await store.accounts.createUser({
    username: 'riverside-leader',
    displayName: '许老师',
    role: 'leader',
    schoolId: riverside,
    color: '#862e9c',
    passwordHash,
  })
  await store.groups.addGroupMember(riversideMath.id, xu.id)
}
