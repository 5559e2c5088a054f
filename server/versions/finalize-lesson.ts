/**
 * 定稿: stores the shared plan's full state as the lesson's next immutable version.
 *
 * Called by the stage move to `finalized` after the move is stored and the open editors were made
 * read-only, so that no edit can land between the version and the freeze: `currentState` first waits
 * for every update the room had already accepted.
 */
import type { LessonRecord } from '../store/lesson-records.ts'
import type { VersionRecord } from '../store/version-records.ts'
import { type ContentContext, currentState } from './document-content.ts'

export async function finalizeLesson(
  context: ContentContext,
  lesson: Pick<LessonRecord, 'id' | 'documentId'>,
  actorId: string,
): Promise<VersionRecord> {
  const state = await currentState(context, lesson.documentId)
  return context.store.createVersion({ lessonId: lesson.id, documentId: lesson.documentId, state, createdBy: actorId })
}
