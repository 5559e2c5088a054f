/**
 * The demo school an empty database gets on first start: the office, a 七年级数学备课组 with its leader,
 * teachers and a 师徒结对 pair, an outside 教研员 who reads and comments, the group's 备课计划 around
 * today, and in it a sample 导学案 in 集体研讨 to co-edit.
 */
import { prosemirrorToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { Role } from '../../shared/access.ts'
import { buildEditorSchema, contentFragmentName } from '../../shared/schema/editor-schema.ts'
import { hashPassword, type ScryptCost } from '../auth/passwords.ts'
import type { Store, UserRecord } from '../store/store.ts'
import { seedDemoPlan } from './demo-plan.ts'
import { sampleLessonContent, sampleLessonTitle } from './sample-lesson.ts'

export interface DemoAccount {
  username: string
  displayName: string
  role: Role
  /** Who this is in the demo school, for the start-up message. */
  description: string
}

const schoolName = '花园实验中学'
const groupName = '七年级数学备课组'

interface DemoAccountSeed extends DemoAccount {
  color: string
}

const accounts: readonly DemoAccountSeed[] = [
  { username: 'admin', displayName: '周主任', role: 'admin', description: '教导处', color: '#495057' },
  { username: 'leader', displayName: '王老师', role: 'leader', description: `${groupName}组长`, color: '#e03131' },
  {
    username: 'teacher1',
    displayName: '李老师',
    role: 'teacher',
    description: '数学教师，示例导学案主备人',
    color: '#1971c2',
  },
  { username: 'teacher2', displayName: '张老师', role: 'teacher', description: '数学教师', color: '#2f9e44' },
  { username: 'teacher3', displayName: '刘老师', role: 'teacher', description: '数学教师', color: '#f08c00' },
  { username: 'mentor', displayName: '陈老师', role: 'teacher', description: '数学教师，师傅', color: '#9c36b5' },
  {
    username: 'apprentice',
    displayName: '赵老师',
    role: 'teacher',
    description: '新教师，徒弟（师傅：陈老师）',
    color: '#0c8599',
  },
  { username: 'guest', displayName: '孙老师', role: 'guest', description: '区教研员，可阅读、批注', color: '#a61e4d' },
]

/** Seeds the demo school into a store without users; returns the accounts created, none otherwise. */
export interface SeedOptions {
  password: string
  /** Without the 备课计划, the sample is a free document of the group (for tests that plan from nothing). */
  plan?: boolean
  /** The plan is laid out around this day. */
  now?: Date
  /** The default's unless given: tests, which seed a demo school for every server they start, pass a cheap one. */
  passwordCost?: ScryptCost
}

export async function seedDemo(
  store: Pick<
    Store,
    'accounts' | 'documents' | 'groups' | 'lessons' | 'mentorships' | 'templates' | 'updates' | 'versions'
  >,
  options: SeedOptions,
): Promise<DemoAccount[]> {
  if ((await store.accounts.countUsers()) > 0) return []

  const schoolId = await store.accounts.createSchool(schoolName)
  const group = await store.groups.createGroup(schoolId, groupName)
  const passwordHashes = await Promise.all(accounts.map(() => hashPassword(options.password, options.passwordCost)))
  const users = new Map<string, UserRecord>()
  for (const [index, { username, displayName, role, color }] of accounts.entries()) {
    const passwordHash = passwordHashes[index]!
    const user = await store.accounts.createUser({ username, displayName, role, color, schoolId, passwordHash })
    users.set(username, user)
    // Every teacher of the demo is in the math group; the office reads every group's documents, and the
    // guest is invited to read and comment in this one.
    if (role === 'leader' || role === 'teacher') await store.groups.addGroupMember(group.id, user.id)
    if (role === 'guest') await store.groups.setGuestGroups(user.id, [group.id])
  }
  const user = (username: string): UserRecord => users.get(username)!
  // The office paired them (师徒结对 is the office's decision across the school).
  await store.mentorships.addMentorship(user('mentor').id, user('apprentice').id, user('admin').id)

  const sample = sampleLessonUpdate({
    leadPreparer: user('teacher1').displayName,
    reviewer: user('leader').displayName,
  })
  if (options.plan === false) {
    const document = await store.documents.createDocument({
      groupId: group.id,
      schoolId,
      title: sampleLessonTitle,
      kind: 'lesson-plan',
      createdBy: user('teacher1').id,
    })
    await store.updates.appendUpdates(document.id, [sample])
  } else {
    await seedDemoPlan(store, { group, user }, { now: options.now ?? new Date(), sample })
  }

  return accounts.map(({ username, displayName, role, description }) => ({ username, displayName, role, description }))
}

function sampleLessonUpdate(people: Parameters<typeof sampleLessonContent>[0]): Uint8Array {
  const schema = buildEditorSchema()
  const content = schema.nodeFromJSON(sampleLessonContent(people))
  // Fails here, at start-up, if the sample and the editor schema ever disagree.
  content.check()
  const doc = prosemirrorToYDoc(content, contentFragmentName)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
