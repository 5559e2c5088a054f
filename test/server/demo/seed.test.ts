import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { verifyPassword } from '../../../server/auth/passwords.ts'
import { seedDemo } from '../../../server/demo/seed.ts'
import { openStore } from '../../../server/store/open-store.ts'
import type { Store } from '../../../server/store/store.ts'
import { buildEditorSchema, contentFragmentName } from '../../../shared/schema/editor-schema.ts'
import { headerFieldKeys } from '../../../shared/schema/header-fields.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import { type TempDataDir, createTempDataDir } from '../../helpers/sqlite.ts'
import { match } from '../../helpers/match.ts'
import { testPasswordCost } from '../../helpers/test-server.ts'

describe('demo seed', () => {
  let dataDir: TempDataDir
  let store: Store

  beforeEach(async () => {
    dataDir = await createTempDataDir()
    store = await openStore({ dataDir: dataDir.dir })
  })

  afterEach(async () => {
    await store.close()
    await dataDir.remove()
  })

  it('creates the demo accounts with the given password', async () => {
    const accounts = await seedDemo(store, { password: 'secret-demo' })
    expect(accounts.map((account) => [account.username, account.role])).toEqual([
      ['admin', 'admin'],
      ['leader', 'leader'],
      ['teacher1', 'teacher'],
      ['teacher2', 'teacher'],
      ['teacher3', 'teacher'],
      ['mentor', 'teacher'],
      ['apprentice', 'teacher'],
      ['guest', 'guest'],
    ])
    const users = await Promise.all(accounts.map((account) => store.accounts.findUserByUsername(account.username)))
    expect(new Set(users.map((user) => user!.color)).size).toBe(accounts.length)
    for (const user of users) expect(user!.displayName).toMatch(/[\u4e00-\u9fff]/)
    const hashes = users.map((user) => user!.passwordHash)
    expect(await Promise.all(hashes.map((hash) => verifyPassword('secret-demo', hash)))).not.toContain(false)
    expect(await verifyPassword('gongbei-demo', hashes[0]!)).toBe(false)
  })

  it('puts the leader, teachers, mentor and apprentice in the math group, not the office or the guest', async () => {
    await seedDemo(store, { password: 'p', passwordCost: testPasswordCost })
    const admin = (await store.accounts.findUserByUsername('admin'))!
    const [group] = await store.groups.listGroups(admin.schoolId)
    expect(group!.name).toBe('七年级数学备课组')
    for (const username of ['leader', 'teacher1', 'teacher2', 'teacher3', 'mentor', 'apprentice']) {
      const user = (await store.accounts.findUserByUsername(username))!
      expect(await store.groups.groupIdsOfUser(user.id)).toEqual([group!.id])
    }
    for (const username of ['admin', 'guest']) {
      const user = (await store.accounts.findUserByUsername(username))!
      expect(await store.groups.groupIdsOfUser(user.id)).toEqual([])
    }
  })

  it('pairs 陈老师 with 赵老师, as the office', async () => {
    await seedDemo(store, { password: 'p', passwordCost: testPasswordCost })
    const [admin, mentor, apprentice] = await Promise.all(
      ['admin', 'mentor', 'apprentice'].map((name) => store.accounts.findUserByUsername(name)),
    )
    const pairs = await store.mentorships.listMentorships(admin!.schoolId)
    expect(pairs.map(({ mentorId, apprenticeId, pairedBy }) => ({ mentorId, apprenticeId, pairedBy }))).toEqual([
      { mentorId: mentor!.id, apprenticeId: apprentice!.id, pairedBy: admin!.id },
    ])
  })

  it('stores a sample 导学案 that loads into a valid editor document: header, every section, 教师用 blocks', async () => {
    await seedDemo(store, { password: 'p', passwordCost: testPasswordCost })
    const admin = (await store.accounts.findUserByUsername('admin'))!
    const [lesson] = await store.documents.listDocumentsOfSchool(admin.schoolId)
    expect(lesson).toMatchObject({ kind: 'lesson-plan', title: match.stringContaining('一元一次方程') })

    const state = await store.updates.loadDocumentState(lesson!.id)
    const doc = new Y.Doc()
    for (const update of [state.snapshot, ...state.updates]) if (update) Y.applyUpdate(doc, update)
    const schema = buildEditorSchema()
    const json: unknown = yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(contentFragmentName), schema).toJSON()
    const node = schema.nodeFromJSON(json)
    expect(() => node.check()).not.toThrow()

    const [header, ...sections] = node.children
    expect(header!.type.name).toBe('lessonHeader')
    const fields = Object.fromEntries(header!.children.map((field) => [String(field.attrs.field), field.textContent]))
    expect(Object.keys(fields)).toEqual([...headerFieldKeys])
    expect(fields).toMatchObject({
      subject: '数学',
      topic: '3.1.1 一元一次方程',
      leadPreparer: '李老师',
      reviewer: '王老师',
    })

    expect(sections.map((section) => section.type.name)).toEqual(sections.map(() => 'section'))
    expect(sections.map((section) => String(section.attrs.title))).toEqual(
      defaultLessonTemplate.sections.map((s) => s.title),
    )
    for (const section of sections) expect(section.textContent, String(section.attrs.title)).not.toBe('')

    const teacherOnly: string[] = []
    node.descendants((child) => {
      if (child.attrs.teacherOnly === true && child.type.name !== 'section') teacherOnly.push(child.textContent)
    })
    expect(teacherOnly).toEqual([
      expect.stringMatching(/^参考答案：/),
      expect.stringMatching(/^时间安排：/),
      expect.stringMatching(/^二次备课：/),
      expect.stringMatching(/^参考答案：1\. C/),
    ])
    expect(sections.filter((section) => section.attrs.teacherOnly).map((section) => String(section.attrs.key))).toEqual(
      ['reflection'],
    )
    expect(node.textContent).toContain('(x − 50)/3 = (x + 70)/5')
  })

  it('does nothing in a store that already has users', async () => {
    await seedDemo(store, { password: 'p', passwordCost: testPasswordCost })
    const admin = (await store.accounts.findUserByUsername('admin'))!
    const [group] = await store.groups.listGroups(admin.schoolId)
    const documents = await store.documents.listDocumentsOfSchool(admin.schoolId)
    const lessons = await store.lessons.listLessonsOfGroup(group!.id, null)
    expect(await seedDemo(store, { password: 'p', passwordCost: testPasswordCost })).toEqual([])
    expect(await store.accounts.countUsers()).toBe(8)
    expect(await store.documents.listDocumentsOfSchool(admin.schoolId)).toEqual(documents)
    expect(await store.lessons.listLessonsOfGroup(group!.id, null)).toEqual(lessons)
    expect(await store.groups.listGroups(admin.schoolId)).toHaveLength(1)
  })

  describe('the 备课计划 around today', () => {
    const now = new Date('2026-11-22T02:00:00Z')

    async function seededPlan() {
      await seedDemo(store, { password: 'p', passwordCost: testPasswordCost, now })
      const admin = (await store.accounts.findUserByUsername('admin'))!
      const [group] = await store.groups.listGroups(admin.schoolId)
      const lessons = await store.lessons.listLessonsOfGroup(group!.id, null)
      const username = async (id: string) => (await store.accounts.findUserById(id))!.username
      return { admin, lessons, username }
    }

    it('makes the sample 导学案 the lesson in 集体研讨 this week, prepared by teacher1', async () => {
      const { admin, lessons, username } = await seededPlan()
      const [sampleDocument] = await store.documents.listDocumentsOfSchool(admin.schoolId)
      const sample = lessons.find((lesson) => lesson.documentId === sampleDocument!.id)!
      expect(sample).toMatchObject({
        title: '3.1.1 一元一次方程',
        scheduledDate: '2026-11-24',
        semester: '2026-2027学年第一学期',
        stage: 'review',
        liveReviewOpen: true,
      })
      expect(await username(sample.leadPreparerId)).toBe('teacher1')
      expect(sampleDocument!.lessonId).toBe(sample.id)
      const [submitted] = await store.lessons.listLessonStageEvents(sample.id)
      expect(submitted).toMatchObject({ from: 'draft', to: 'review', actorId: sample.leadPreparerId })
    })

    it('plans past, late and coming lessons for several teachers, each with its 导学案', async () => {
      const { lessons, username } = await seededPlan()
      const today = '2026-11-22'
      expect(lessons.some((lesson) => lesson.scheduledDate < today && lesson.stage === 'adapting')).toBe(true)
      expect(
        lessons.filter((lesson) => lesson.scheduledDate < today && ['draft', 'review'].includes(lesson.stage)),
      ).toHaveLength(2)
      expect(lessons.filter((lesson) => lesson.scheduledDate > today).length).toBeGreaterThanOrEqual(3)
      const preparers = new Set(await Promise.all(lessons.map((lesson) => username(lesson.leadPreparerId))))
      expect(preparers.size).toBeGreaterThanOrEqual(4)
      for (const lesson of lessons) {
        expect((await store.updates.loadDocumentState(lesson.documentId)).lastSeq).toBeGreaterThan(0)
        const frozen = ['finalized', 'adapting'].includes(lesson.stage)
        expect(await store.versions.listVersions(lesson.id)).toHaveLength(frozen ? 1 : 0)
      }
    })
  })
})
