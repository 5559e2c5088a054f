/**
 * After a lesson changes (a stage move, 集体研讨 opened or closed, another 主备人), every open editor of
 * its documents gets the access the rules now give, at once: finalizing makes them read-only.
 */
import { documentAccess } from '../../shared/workflow/document-access.ts'
import { readOnlyReason } from '../../shared/workflow/read-only-reason.ts'
import type { RoomRegistry } from '../collab/room-registry.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { Store } from '../store/store.ts'
import { documentContextOf, latestVersionNumber } from './document-context.ts'
import { lessonContextOf } from './lesson-context.ts'

export async function refreshLessonAccess(
  store: Pick<Store, 'documents' | 'lessons' | 'mentorships' | 'versions'>,
  registry: Pick<RoomRegistry, 'find'>,
  lesson: LessonRecord,
): Promise<void> {
  const lessonContext = await lessonContextOf(store, lesson)
  const latestVersion = await latestVersionNumber(store, lesson.id)
  for (const document of await store.documents.listDocumentsOfLesson(lesson.id)) {
    const room = registry.find(document.id)
    if (!room) continue
    const context = await documentContextOf(store, document, lessonContext)
    room.refreshAccess(
      (connection) => documentAccess(connection.actor, context),
      (access) => readOnlyReason(access, context, latestVersion),
    )
  }
}

/**
 * After a change of who mentors whom (师徒结对), every open editor of these documents (the apprentice's)
 * gets the access the rules now give: a new mentor may comment at once, an unpaired one no longer.
 */
export async function refreshDocumentAccess(
  store: Pick<Store, 'documents' | 'lessons' | 'mentorships' | 'versions'>,
  registry: Pick<RoomRegistry, 'find'>,
  documentIds: readonly string[],
): Promise<void> {
  for (const documentId of documentIds) {
    const room = registry.find(documentId)
    if (!room) continue
    const document = await store.documents.findDocument(documentId)
    if (!document) continue
    const context = await documentContextOf(store, document)
    const latestVersion = await latestVersionNumber(store, document.lessonId)
    room.refreshAccess(
      (connection) => documentAccess(connection.actor, context),
      (access) => readOnlyReason(access, context, latestVersion),
    )
  }
}
