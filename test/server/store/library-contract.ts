/**
 * Store contract cases of the 资源库: finished plans within a scope and drafts' sources, run inside
 * `describeStoreContract` on every backend.
 */
import { describe, expect, it } from 'vitest'
import type { Store } from '../../../server/store/store.ts'

async function twoGroups(store: Store) {
  const schoolId = await store.accounts.createSchool('花园实验中学')
  const math = await store.groups.createGroup(schoolId, '七年级数学备课组')
  const chinese = await store.groups.createGroup(schoolId, '八年级语文备课组')
  await store.groups.updateGroup(chinese.id, { subject: '语文', grade: '八年级' })
  const li = await store.accounts.createUser({
    username: 'li',
    displayName: '李老师',
    passwordHash: 'x',
    role: 'teacher',
    schoolId,
    color: '#1971c2',
  })
  const lesson = (groupId: string, title: string, scheduledDate: string, semester: string) =>
    store.lessons.createLesson({
      schoolId,
      groupId,
      createdBy: li.id,
      documentTitle: `${title} 导学案`,
      semester,
      title,
      lessonType: '新授',
      period: 1,
      scheduledDate,
      scheduledTime: null,
      place: '教研室',
      leadPreparerId: li.id,
    })
  const finalize = (lessonId: string, documentId: string) =>
    store.versions.createVersion({ lessonId, documentId, state: new Uint8Array([1]), createdBy: li.id })
  return { schoolId, math, chinese, li, lesson, finalize }
}

export function describeLibraryContract(storeOf: () => Store): void {
  describe('资源库 (LIBRARY-1, LIBRARY-4)', () => {
    it('lists lessons with a 定稿, each once with its latest version, only in the scope’s groups', async () => {
      const store = storeOf()
      const { schoolId, math, chinese, lesson, finalize } = await twoGroups(store)
      const lastYear = await lesson(math.id, '3.1.1 一元一次方程', '2025-11-20', '2025-2026学年第一学期')
      await finalize(lastYear.id, lastYear.documentId)
      const v2 = await finalize(lastYear.id, lastYear.documentId)
      const poem = await lesson(chinese.id, '春望', '2026-10-09', '2026-2027学年第一学期')
      await finalize(poem.id, poem.documentId)
      await lesson(math.id, '3.2 解一元一次方程', '2026-12-08', '2026-2027学年第一学期')

      const all = await store.library.listFinishedPlans({ schoolId, groupIds: null })
      expect(all.map((plan) => [plan.title, plan.latestVersionNumber])).toEqual([
        ['3.1.1 一元一次方程', 2],
        ['春望', 1],
      ])
      expect(all[0]).toMatchObject({
        lessonId: lastYear.id,
        groupId: math.id,
        groupName: '七年级数学备课组',
        groupSubject: '',
        semester: '2025-2026学年第一学期',
        leadPreparerName: '李老师',
        latestVersionId: v2.id,
        period: 1,
        stage: 'draft',
      })
      expect(all[0]!.latestVersionAt).toEqual(v2.createdAt)
      expect(all[1]).toMatchObject({ groupSubject: '语文', groupGrade: '八年级' })

      const invited = await store.library.listFinishedPlans({ schoolId, groupIds: [chinese.id] })
      expect(invited.map((plan) => plan.title)).toEqual(['春望'])
      expect(await store.library.listFinishedPlans({ schoolId, groupIds: [] })).toEqual([])
      const elsewhere = await store.accounts.createSchool('河畔中学')
      expect(await store.library.listFinishedPlans({ schoolId: elsewhere, groupIds: null })).toEqual([])
    })

    it('keeps one source per draft, lists what was built on a lesson, and forgets a deleted draft', async () => {
      const store = storeOf()
      const { math, chinese, li, lesson, finalize } = await twoGroups(store)
      const source = await lesson(math.id, '3.1.1 一元一次方程', '2025-11-20', '2025-2026学年第一学期')
      const v1 = await finalize(source.id, source.documentId)
      const v2 = await finalize(source.id, source.documentId)
      const draft = await lesson(math.id, '3.1.1 一元一次方程', '2026-11-24', '2026-2027学年第一学期')
      const other = await lesson(chinese.id, '方程与古诗', '2026-11-25', '2026-2027学年第一学期')

      expect(await store.library.findDraftSource(draft.id)).toBeNull()
      const first = await store.library.recordDraftSource({
        lessonId: draft.id,
        versionId: v1.id,
        sourceLessonId: source.id,
        createdBy: li.id,
      })
      expect(await store.library.findDraftSource(draft.id)).toEqual(first)
      await store.library.recordDraftSource({
        lessonId: draft.id,
        versionId: v2.id,
        sourceLessonId: source.id,
        createdBy: li.id,
      })
      await store.library.recordDraftSource({
        lessonId: other.id,
        versionId: v2.id,
        sourceLessonId: source.id,
        createdBy: li.id,
      })
      expect(await store.library.findDraftSource(draft.id)).toMatchObject({ versionId: v2.id })
      const builtOn = await store.library.listDraftsBuiltOn(source.id)
      expect(builtOn.map((entry) => entry.lessonId).sort()).toEqual([draft.id, other.id].sort())
      expect(await store.library.listDraftsBuiltOn(draft.id)).toEqual([])

      expect(await store.lessons.deleteLesson(other.id, 'draft')).toBe(true)
      expect((await store.library.listDraftsBuiltOn(source.id)).map((entry) => entry.lessonId)).toEqual([draft.id])
    })
  })
}
