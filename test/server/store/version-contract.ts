/**
 * Store contract cases of 定稿 versions, adaptations with their conflicts and reflections' references,
 * run inside `describeStoreContract` on every backend.
 */
import { describe, expect, it } from 'vitest'
import type { Store } from '../../../server/store/store.ts'
import { match } from '../../helpers/match.ts'

async function finalizedLesson(store: Store) {
  const schoolId = await store.accounts.createSchool('花园实验中学')
  const group = await store.groups.createGroup(schoolId, '七年级数学备课组')
  const user = (username: string) =>
    store.accounts.createUser({
      username,
      displayName: username,
      passwordHash: 'x',
      role: 'teacher',
      schoolId,
      color: '#1971c2',
    })
  const wang = await user('wang')
  const li = await user('li')
  const lesson = await store.lessons.createLesson({
    schoolId,
    groupId: group.id,
    createdBy: wang.id,
    documentTitle: '3.1.1 一元一次方程 导学案',
    semester: '2026-2027学年第一学期',
    title: '3.1.1 一元一次方程',
    lessonType: '新授',
    period: 1,
    scheduledDate: '2026-11-24',
    scheduledTime: null,
    place: '数学教研室',
    leadPreparerId: li.id,
  })
  const adaptationOf = (teacherId: string, baseVersionId: string, state: Uint8Array) =>
    store.adaptations.createLessonDocument(
      {
        lessonId: lesson.id,
        schoolId,
        groupId: group.id,
        kind: 'adaptation',
        title: '二次备课',
        createdBy: teacherId,
        initialState: state,
      },
      baseVersionId,
    )
  return { schoolId, groupId: group.id, wang, li, lesson, adaptationOf }
}

const sameBytes = (actual: Uint8Array | null, expected: Uint8Array) =>
  expect([...(actual ?? [])]).toEqual([...expected])

export function describeVersionContract(storeOf: () => Store): void {
  describe('定稿 versions and adaptations', () => {
    it('numbers versions per lesson and keeps each state as it was stored', async () => {
      const store = storeOf()
      const { wang, lesson } = await finalizedLesson(store)
      const first = await store.versions.createVersion({
        lessonId: lesson.id,
        documentId: lesson.documentId,
        state: new Uint8Array([1, 2, 3]),
        createdBy: wang.id,
      })
      const second = await store.versions.createVersion({
        lessonId: lesson.id,
        documentId: lesson.documentId,
        state: new Uint8Array([4, 5]),
        createdBy: wang.id,
      })
      expect([first.number, second.number]).toEqual([1, 2])
      expect(await store.versions.listVersions(lesson.id)).toEqual([first, second])
      expect(await store.versions.findVersion(second.id)).toEqual(second)
      sameBytes(await store.versions.versionState(first.id), new Uint8Array([1, 2, 3]))
      expect(await store.versions.findVersion('00000000-0000-0000-0000-000000000000')).toBeNull()
      expect(await store.versions.versionState('00000000-0000-0000-0000-000000000000')).toBeNull()
    })

    it('finalizes in one transaction: the move, its event and the version, or none of them', async () => {
      // Guards against a 定稿 stored without its version when storing the version fails.
      const store = storeOf()
      const { wang, lesson } = await finalizedLesson(store)
      await store.lessons.moveLessonStage({
        lessonId: lesson.id,
        from: 'draft',
        to: 'review',
        actorId: wang.id,
        at: new Date(),
      })
      const move = { lessonId: lesson.id, from: 'review', to: 'finalized', actorId: wang.id, at: new Date() } as const
      const version = {
        lessonId: lesson.id,
        documentId: lesson.documentId,
        state: new Uint8Array([3]),
        createdBy: wang.id,
      }

      const unstorable = { ...version, state: null as unknown as Uint8Array }
      await expect(store.versions.finalizeLesson(move, unstorable)).rejects.toThrow()
      expect(await store.lessons.findLesson(lesson.id)).toMatchObject({ stage: 'review' })
      expect(await store.lessons.listLessonStageEvents(lesson.id)).toHaveLength(1)
      expect(await store.versions.listVersions(lesson.id)).toEqual([])

      expect(await store.versions.finalizeLesson({ ...move, from: 'draft' }, version)).toBeNull()
      expect(await store.versions.listVersions(lesson.id)).toEqual([])

      const v1 = await store.versions.finalizeLesson(move, version)
      expect(v1).toMatchObject({ number: 1, lessonId: lesson.id })
      expect(await store.lessons.findLesson(lesson.id)).toMatchObject({ stage: 'finalized' })
      expect((await store.lessons.listLessonStageEvents(lesson.id)).map((event) => event.to)).toEqual([
        'review',
        'finalized',
      ])
      expect(await store.versions.listVersions(lesson.id)).toEqual([v1])
    })

    it('[LIBRARY-8] starts each 磨课 round with its move back to 主备, numbered from 2, or changes nothing', async () => {
      const store = storeOf()
      const { wang, li, lesson } = await finalizedLesson(store)
      const move = (from: 'draft' | 'review' | 'finalized' | 'reflecting', to: 'review' | 'finalized' | 'draft') =>
        store.lessons.moveLessonStage({ lessonId: lesson.id, from, to, actorId: wang.id, at: new Date() })
      const finalize = () =>
        store.versions.finalizeLesson(
          { lessonId: lesson.id, from: 'review', to: 'finalized', actorId: wang.id, at: new Date() },
          { lessonId: lesson.id, documentId: lesson.documentId, state: new Uint8Array([1]), createdBy: wang.id },
        )
      await move('draft', 'review')
      const v1 = (await finalize())!
      expect(await store.versions.listRoundStarts(lesson.id)).toEqual([])

      const at = new Date(Date.UTC(2026, 10, 26, 8, 30))
      const second = { lessonId: lesson.id, from: 'finalized', to: 'draft', actorId: li.id, at } as const
      // A lesson that has moved meanwhile starts nothing.
      expect(
        await store.versions.startRound(
          { ...second, from: 'reflecting' },
          { lessonId: lesson.id, baseVersionId: v1.id, startedBy: li.id },
        ),
      ).toBeNull()
      expect(await store.versions.listRoundStarts(lesson.id)).toEqual([])

      const round2 = await store.versions.startRound(second, {
        lessonId: lesson.id,
        baseVersionId: v1.id,
        startedBy: li.id,
      })
      expect(round2).toEqual({
        lessonId: lesson.id,
        number: 2,
        baseVersionId: v1.id,
        baseVersionNumber: 1,
        startedBy: li.id,
        startedAt: at,
      })
      expect(await store.lessons.findLesson(lesson.id)).toMatchObject({ stage: 'draft' })
      expect((await store.lessons.listLessonStageEvents(lesson.id)).at(-1)).toMatchObject({
        from: 'finalized',
        to: 'draft',
        actorId: li.id,
      })
      // Starting again from a lesson no longer finalized is refused by the move.
      expect(
        await store.versions.startRound(second, { lessonId: lesson.id, baseVersionId: v1.id, startedBy: li.id }),
      ).toBeNull()

      await move('draft', 'review')
      const v2 = (await finalize())!
      const round3 = await store.versions.startRound(
        { ...second, at: new Date(at.getTime() + 1000) },
        { lessonId: lesson.id, baseVersionId: v2.id, startedBy: wang.id },
      )
      expect(round3).toMatchObject({ number: 3, baseVersionNumber: 2, startedBy: wang.id })
      expect(await store.versions.listRoundStarts(lesson.id)).toEqual([round2, round3])
    })

    it('creates an adaptation as a document of the lesson whose log starts with the version', async () => {
      const store = storeOf()
      const { wang, li, lesson, adaptationOf } = await finalizedLesson(store)
      const v1 = await store.versions.createVersion({
        lessonId: lesson.id,
        documentId: lesson.documentId,
        state: new Uint8Array([7, 7]),
        createdBy: wang.id,
      })
      const document = await adaptationOf(li.id, v1.id, new Uint8Array([7, 7]))
      expect(document).toMatchObject({ kind: 'adaptation', lessonId: lesson.id, createdBy: li.id })
      const state = await store.updates.loadDocumentState(document.id)
      expect(state.lastSeq).toBe(1)
      sameBytes(state.updates[0] ?? null, new Uint8Array([7, 7]))
      // The next append continues the log after the initial state.
      expect(await store.updates.appendUpdates(document.id, [new Uint8Array([0, 0])])).toBe(2)
      expect(await store.adaptations.findAdaptation(document.id)).toMatchObject({
        documentId: document.id,
        teacherId: li.id,
        baseVersionId: v1.id,
        pulledAt: null,
      })
      expect(await store.adaptations.listAdaptations(lesson.id)).toHaveLength(1)
      await expect(adaptationOf(li.id, v1.id, new Uint8Array([7, 7]))).rejects.toThrow()
    })

    it('records a pull with its conflicts and settles each conflict once', async () => {
      const store = storeOf()
      const { wang, li, lesson, adaptationOf } = await finalizedLesson(store)
      const v1 = await store.versions.createVersion({
        lessonId: lesson.id,
        documentId: lesson.documentId,
        state: new Uint8Array([1]),
        createdBy: wang.id,
      })
      const v2 = await store.versions.createVersion({
        lessonId: lesson.id,
        documentId: lesson.documentId,
        state: new Uint8Array([2]),
        createdBy: wang.id,
      })
      const document = await adaptationOf(li.id, v1.id, new Uint8Array([1]))
      const [conflict] = (await store.adaptations.recordPull(document.id, v1.id, v2.id, [
        {
          blockKey: '5:3',
          section: '合作探究',
          baseText: 'B',
          mineJson: { type: 'paragraph' },
          sharedJson: null,
          afterKey: '5:1',
        },
      ]))!
      expect(await store.adaptations.findAdaptation(document.id)).toMatchObject({
        baseVersionId: v2.id,
        pulledAt: match.any(Date),
      })
      expect(await store.adaptations.listConflicts(document.id)).toEqual([conflict])
      expect(conflict).toMatchObject({ status: 'open', mineJson: { type: 'paragraph' }, sharedJson: null })
      expect(await store.adaptations.resolveConflict(conflict!.id, 'mine', li.id)).toBe(true)
      expect(await store.adaptations.resolveConflict(conflict!.id, 'shared', li.id)).toBe(false)
      expect(await store.adaptations.listConflicts(document.id)).toEqual([
        { ...conflict, status: 'mine', resolvedBy: li.id, resolvedAt: match.any(Date) },
      ])
    })

    it('records a pull only from the base it was computed from, so a second pull at once stores nothing', async () => {
      // Guards against two pulls at once both moving the base and each storing the conflicts again.
      const store = storeOf()
      const { wang, li, lesson, adaptationOf } = await finalizedLesson(store)
      const v1 = await store.versions.createVersion({
        lessonId: lesson.id,
        documentId: lesson.documentId,
        state: new Uint8Array([1]),
        createdBy: wang.id,
      })
      const v2 = await store.versions.createVersion({
        lessonId: lesson.id,
        documentId: lesson.documentId,
        state: new Uint8Array([2]),
        createdBy: wang.id,
      })
      const document = await adaptationOf(li.id, v1.id, new Uint8Array([1]))
      const spot = {
        blockKey: '5:3',
        section: '合作探究',
        baseText: 'B',
        mineJson: null,
        sharedJson: null,
        afterKey: null,
      }
      const results = await Promise.all([
        store.adaptations.recordPull(document.id, v1.id, v2.id, [spot]),
        store.adaptations.recordPull(document.id, v1.id, v2.id, [spot]),
      ])
      expect(results.filter((result) => result === null)).toHaveLength(1)
      expect(await store.adaptations.listConflicts(document.id)).toHaveLength(1)
      expect(await store.adaptations.recordPull(document.id, v1.id, v2.id, [spot])).toBeNull()
      expect(await store.adaptations.listConflicts(document.id)).toHaveLength(1)
      expect(await store.adaptations.findAdaptation(document.id)).toMatchObject({ baseVersionId: v2.id })
    })

    it('keeps one reflection per teacher and lesson, with the passages it points at', async () => {
      const store = storeOf()
      const { schoolId, groupId, li, lesson } = await finalizedLesson(store)
      const reflection = () =>
        store.adaptations.createLessonDocument(
          {
            lessonId: lesson.id,
            schoolId,
            groupId,
            kind: 'reflection',
            title: '课后反思',
            createdBy: li.id,
            initialState: null,
          },
          null,
        )
      const document = await reflection()
      await expect(reflection()).rejects.toThrow()
      const reference = await store.adaptations.addReflectionReference({
        reflectionId: document.id,
        sourceDocumentId: lesson.documentId,
        blockKey: '5:3',
        section: '当堂检测',
        quote: '解方程 3x+5=11',
      })
      expect(await store.adaptations.listReflectionReferences([document.id])).toEqual([reference])
      expect(await store.adaptations.listReflectionReferences([])).toEqual([])
    })
  })
}
