/**
 * Store contract cases of the 备课计划 (lessons, stage moves), run inside `describeStoreContract` on
 * every backend.
 */
import { describe, expect, it } from 'vitest'
import type { NewLesson } from '../../../server/store/lesson-records.ts'
import type { Store } from '../../../server/store/store.ts'
import { match } from '../../helpers/match.ts'

const semester = '2026-2027学年第一学期'

async function mathGroup(store: Store) {
  const schoolId = await store.accounts.createSchool('花园实验中学')
  const group = await store.groups.createGroup(schoolId, '七年级数学备课组')
  const user = (username: string, displayName: string) =>
    store.accounts.createUser({ username, displayName, passwordHash: 'x', role: 'teacher', schoolId, color: '#1971c2' })
  const wang = await user('wang', '王老师')
  const li = await user('li', '李老师')
  await store.groups.addGroupMember(group.id, li.id)
  await store.groups.addGroupMember(group.id, wang.id)
  const plan = (fields: Partial<NewLesson> = {}): NewLesson => ({
    schoolId,
    groupId: group.id,
    createdBy: wang.id,
    documentTitle: '3.1.1 一元一次方程 导学案',
    semester,
    title: '3.1.1 一元一次方程',
    lessonType: '新授',
    period: 1,
    scheduledDate: '2026-11-24',
    scheduledTime: '14:00',
    place: '数学教研室',
    leadPreparerId: li.id,
    ...fields,
  })
  return { schoolId, groupId: group.id, wang, li, plan }
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 6, minute))

export function describeLessonContract(storeOf: () => Store): void {
  describe('备课计划 lessons', () => {
    it('creates a lesson in draft together with its shared 导学案, each pointing at the other', async () => {
      const store = storeOf()
      const { schoolId, groupId, wang, li, plan } = await mathGroup(store)
      const lesson = await store.lessons.createLesson(plan({ scheduledTime: null }))
      expect(lesson).toEqual({
        id: match.any(String),
        schoolId,
        groupId,
        semester,
        title: '3.1.1 一元一次方程',
        unit: '',
        lessonType: '新授',
        period: 1,
        scheduledDate: '2026-11-24',
        scheduledTime: null,
        place: '数学教研室',
        leadPreparerId: li.id,
        documentId: match.any(String),
        stage: 'draft',
        liveReviewOpen: false,
        createdAt: match.any(Date),
      })
      expect(await store.lessons.findLesson(lesson.id)).toEqual(lesson)
      const document = await store.documents.findDocument(lesson.documentId)
      expect(document).toMatchObject({
        title: '3.1.1 一元一次方程 导学案',
        kind: 'lesson-plan',
        groupId,
        schoolId,
        createdBy: wang.id,
        lessonId: lesson.id,
      })
      expect(await store.documents.listDocumentsOfLesson(lesson.id)).toEqual([document])
      expect((await store.updates.loadDocumentState(lesson.documentId)).lastSeq).toBe(0)
      expect(await store.lessons.findLesson('no-such-lesson')).toBeNull()
    })

    it('links other documents to the lesson, and leaves free documents without one', async () => {
      const store = storeOf()
      const { schoolId, groupId, li, plan } = await mathGroup(store)
      const lesson = await store.lessons.createLesson(plan())
      const adaptation = await store.documents.createDocument({
        groupId,
        schoolId,
        title: '二次备课',
        kind: 'adaptation',
        createdBy: li.id,
        lessonId: lesson.id,
      })
      const free = await store.documents.createDocument({
        groupId,
        schoolId,
        title: '随笔',
        kind: 'lesson-plan',
        createdBy: li.id,
      })
      expect(adaptation.lessonId).toBe(lesson.id)
      expect(free.lessonId).toBeNull()
      expect((await store.documents.findDocument(free.id))!.lessonId).toBeNull()
      expect((await store.documents.listDocumentsOfLesson(lesson.id)).map((d) => d.id)).toEqual([
        lesson.documentId,
        adaptation.id,
      ])
    })

    it('lists a group’s lessons by date and time, per semester, and a teacher’s assignments', async () => {
      const store = storeOf()
      const { groupId, wang, li, plan } = await mathGroup(store)
      const later = await store.lessons.createLesson(
        plan({ title: 'B', scheduledDate: '2026-12-01', scheduledTime: '08:00' }),
      )
      const afternoon = await store.lessons.createLesson(
        plan({ title: 'A2', scheduledTime: '14:00', leadPreparerId: wang.id }),
      )
      const morning = await store.lessons.createLesson(plan({ title: 'A1', scheduledTime: '08:00' }))
      const spring = await store.lessons.createLesson(
        plan({ title: 'C', semester: '2026-2027学年第二学期', scheduledDate: '2027-03-02' }),
      )
      const titles = (lessons: { title: string }[]) => lessons.map((lesson) => lesson.title)
      expect(titles(await store.lessons.listLessonsOfGroup(groupId, semester))).toEqual(['A1', 'A2', 'B'])
      expect(titles(await store.lessons.listLessonsOfGroup(groupId, null))).toEqual(['A1', 'A2', 'B', 'C'])
      expect(await store.lessons.listLessonsOfGroup(groupId, '2025-2026学年第一学期')).toEqual([])
      expect(await store.lessons.listSemestersOfGroup(groupId)).toEqual([semester, '2026-2027学年第二学期'].sort())
      expect((await store.lessons.listLessonsOfLeadPreparer(li.id)).map((l) => l.id)).toEqual([
        morning.id,
        later.id,
        spring.id,
      ])
      expect((await store.lessons.listLessonsOfLeadPreparer(wang.id)).map((l) => l.id)).toEqual([afternoon.id])
    })

    it('lists a lesson without a time after the timed ones of its day, on every database', async () => {
      // Guards against SQLite (NULL first) and PostgreSQL (NULL last) ordering the plan differently.
      const store = storeOf()
      const { groupId, li, plan } = await mathGroup(store)
      await store.lessons.createLesson(plan({ title: '未定时间', scheduledTime: null }))
      await store.lessons.createLesson(plan({ title: '下午', scheduledTime: '14:00' }))
      await store.lessons.createLesson(plan({ title: '上午', scheduledTime: '08:00' }))
      await store.lessons.createLesson(plan({ title: '次日', scheduledDate: '2026-11-25', scheduledTime: null }))
      const titles = (lessons: { title: string }[]) => lessons.map((lesson) => lesson.title)
      expect(titles(await store.lessons.listLessonsOfGroup(groupId, semester))).toEqual([
        '上午',
        '下午',
        '未定时间',
        '次日',
      ])
      expect(titles(await store.lessons.listLessonsOfLeadPreparer(li.id))).toEqual(['上午', '下午', '未定时间', '次日'])
    })

    it('changes the plan of a lesson and the title of its 导学案', async () => {
      const store = storeOf()
      const { wang, plan } = await mathGroup(store)
      const lesson = await store.lessons.createLesson(plan())
      const changed = await store.lessons.updateLessonPlan(lesson.id, {
        title: '3.1.2 等式的性质',
        scheduledTime: null,
        leadPreparerId: wang.id,
        documentTitle: '3.1.2 等式的性质 导学案',
      })
      expect(changed).toEqual({ ...lesson, title: '3.1.2 等式的性质', scheduledTime: null, leadPreparerId: wang.id })
      expect(await store.lessons.findLesson(lesson.id)).toEqual(changed)
      expect((await store.documents.findDocument(lesson.documentId))!.title).toBe('3.1.2 等式的性质 导学案')
      expect(await store.lessons.updateLessonPlan(lesson.id, {})).toEqual(changed)
      expect(await store.lessons.updateLessonPlan('no-such-lesson', { place: '会议室' })).toBeNull()
    })

    it('[LIBRARY-12] keeps a lesson’s 单元, none unless given, and lists the group’s units once each', async () => {
      const store = storeOf()
      const { plan, groupId } = await mathGroup(store)
      const without = await store.lessons.createLesson(plan())
      expect(without.unit).toBe('')
      expect((await store.lessons.findLesson(without.id))!.unit).toBe('')
      const within = await store.lessons.createLesson(
        plan({ title: '3.2 解一元一次方程', unit: '第三章 一元一次方程' }),
      )
      expect(await store.lessons.findLesson(within.id)).toEqual(within)
      expect(await store.lessons.listUnitsOfGroup(groupId)).toEqual(['第三章 一元一次方程'])
      const moved = await store.lessons.updateLessonPlan(without.id, { unit: '第二章 整式的加减' })
      expect(moved).toEqual({ ...without, unit: '第二章 整式的加减' })
      await store.lessons.createLesson(plan({ title: '3.3 实际问题', unit: '第三章 一元一次方程' }))
      expect((await store.lessons.listUnitsOfGroup(groupId)).sort()).toEqual(
        ['第三章 一元一次方程', '第二章 整式的加减'].sort(),
      )
      expect(await store.lessons.updateLessonPlan(within.id, { unit: '' })).toMatchObject({ unit: '' })
    })

    it('moves a lesson only from the stage it is in, records every move in order, and closes 集体研讨', async () => {
      const store = storeOf()
      const { wang, li, plan } = await mathGroup(store)
      const lesson = await store.lessons.createLesson(plan())
      expect(
        await store.lessons.moveLessonStage({
          lessonId: lesson.id,
          from: 'draft',
          to: 'review',
          actorId: li.id,
          at: at(0),
        }),
      ).toBe(true)
      expect(await store.lessons.setLiveReviewOpen(lesson.id, true, 'review')).toBe(true)
      expect((await store.lessons.findLesson(lesson.id))!.liveReviewOpen).toBe(true)
      // A second, stale move from draft changes nothing.
      expect(
        await store.lessons.moveLessonStage({
          lessonId: lesson.id,
          from: 'draft',
          to: 'review',
          actorId: wang.id,
          at: at(1),
        }),
      ).toBe(false)
      expect(
        await store.lessons.moveLessonStage({
          lessonId: lesson.id,
          from: 'review',
          to: 'finalized',
          actorId: wang.id,
          at: at(1),
        }),
      ).toBe(true)
      expect(await store.lessons.findLesson(lesson.id)).toMatchObject({ stage: 'finalized', liveReviewOpen: false })
      // Same millisecond: the order of the moves still holds.
      await store.lessons.moveLessonStage({
        lessonId: lesson.id,
        from: 'finalized',
        to: 'review',
        actorId: wang.id,
        at: at(2),
      })
      await store.lessons.moveLessonStage({
        lessonId: lesson.id,
        from: 'review',
        to: 'draft',
        actorId: wang.id,
        at: at(2),
      })
      expect(await store.lessons.listLessonStageEvents(lesson.id)).toEqual([
        { lessonId: lesson.id, seq: 1, from: 'draft', to: 'review', actorId: li.id, at: at(0) },
        { lessonId: lesson.id, seq: 2, from: 'review', to: 'finalized', actorId: wang.id, at: at(1) },
        { lessonId: lesson.id, seq: 3, from: 'finalized', to: 'review', actorId: wang.id, at: at(2) },
        { lessonId: lesson.id, seq: 4, from: 'review', to: 'draft', actorId: wang.id, at: at(2) },
      ])
      expect(
        await store.lessons.moveLessonStage({
          lessonId: 'no-such-lesson',
          from: 'draft',
          to: 'review',
          actorId: li.id,
          at: at(3),
        }),
      ).toBe(false)
    })

    it('opens 集体研讨 only in the given stage', async () => {
      const store = storeOf()
      const { plan } = await mathGroup(store)
      const lesson = await store.lessons.createLesson(plan())
      expect(await store.lessons.setLiveReviewOpen(lesson.id, true, 'review')).toBe(false)
      expect((await store.lessons.findLesson(lesson.id))!.liveReviewOpen).toBe(false)
    })

    it('deletes a lesson with its documents, their content and its history, only in the stage given', async () => {
      const store = storeOf()
      const { groupId, li, plan } = await mathGroup(store)
      const lesson = await store.lessons.createLesson(plan())
      const kept = await store.lessons.createLesson(plan({ title: '另一课' }))
      await store.updates.appendUpdates(lesson.documentId, [new Uint8Array([1, 2, 3])])
      await store.lessons.moveLessonStage({
        lessonId: lesson.id,
        from: 'draft',
        to: 'review',
        actorId: li.id,
        at: at(0),
      })
      expect(await store.lessons.deleteLesson(lesson.id, 'draft')).toBe(false)
      expect(await store.lessons.findLesson(lesson.id)).not.toBeNull()
      expect(await store.lessons.deleteLesson(lesson.id, 'review')).toBe(true)
      expect(await store.lessons.findLesson(lesson.id)).toBeNull()
      expect(await store.documents.findDocument(lesson.documentId)).toBeNull()
      expect(await store.lessons.listLessonStageEvents(lesson.id)).toEqual([])
      expect(await store.updates.documentStorageStats(lesson.documentId)).toEqual({ bytes: 0, logLength: 0 })
      expect((await store.lessons.listLessonsOfGroup(groupId, null)).map((l) => l.id)).toEqual([kept.id])
      expect(await store.lessons.deleteLesson(lesson.id, 'review')).toBe(false)
    })

    it('lists the members of a group by name', async () => {
      const store = storeOf()
      const { groupId, wang, li } = await mathGroup(store)
      expect(await store.groups.listGroupMembers(groupId)).toEqual(
        [li, wang].sort((a, b) => a.displayName.localeCompare(b.displayName)),
      )
    })
  })
}
