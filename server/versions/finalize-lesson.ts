/**
 * 定稿: moves the lesson to `finalized` and stores the shared plan's full state as its next immutable
 * version, both in one transaction, so there is never a 定稿 without its version.
 *
 * Open editors are made read-only first and the room's accepted updates stored before the state is
 * read, so that no edit can land between the version and the freeze; the per-document lock keeps a
 * restore from slipping in between. If the 定稿 does not happen, editors get their access back.
 */
import type { LessonRecord } from '../store/lesson-records.ts'
import type { VersionRecord } from '../store/version-records.ts'
import { refreshLessonAccess } from '../workflow/live-access.ts'
import { type ContentContext, currentState } from './document-content.ts'

export class FinalizeFailed extends Error {
  override readonly name = 'FinalizeFailed'
  constructor(cause: unknown) {
    super('定稿没有保存成功，这节课还在原来的阶段，请再试一次', { cause })
  }
}

/** The version made, or null if the lesson had moved meanwhile (nothing is changed then). */
export async function finalizeLesson(
  context: ContentContext,
  lesson: LessonRecord,
  actorId: string,
  at: Date,
): Promise<VersionRecord | null> {
  const { store, registry } = context
  return registry.exclusive(lesson.documentId, async () => {
    await refreshLessonAccess(store, registry, { ...lesson, stage: 'finalized', liveReviewOpen: false })
    let version: VersionRecord | null
    try {
      const state = await currentState(context, lesson.documentId)
      version = await store.versions.finalizeLesson(
        { lessonId: lesson.id, from: lesson.stage, to: 'finalized', actorId, at },
        { lessonId: lesson.id, documentId: lesson.documentId, state, createdBy: actorId },
      )
    } catch (error) {
      await refreshLessonAccess(store, registry, lesson)
      throw new FinalizeFailed(error)
    }
    if (!version) await refreshLessonAccess(store, registry, (await store.lessons.findLesson(lesson.id)) ?? lesson)
    // Editors were frozen before the version existed; now their notice can name it.
    else await refreshLessonAccess(store, registry, { ...lesson, stage: 'finalized', liveReviewOpen: false })
    return version
  })
}
