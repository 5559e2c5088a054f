/** Loads what the access rules need to know about a document (`shared/workflow/document-access.ts`). */
import type { DocumentContext, DocumentKind } from '../../shared/workflow/document-access.ts'
import type { LessonContext } from '../../shared/workflow/lesson-rules.ts'
import type { DocumentRecord, Store } from '../store/store.ts'
import { lessonContextOf } from './lesson-context.ts'

/**
 * `lesson`, when given, must be the document's own lesson, already loaded (a lesson page lists all its
 * documents at once).
 */
export async function documentContextOf(
  store: Pick<Store, 'lessons' | 'mentorships' | 'versions'>,
  document: DocumentRecord,
  lesson?: LessonContext,
): Promise<DocumentContext> {
  return {
    kind: document.kind as DocumentKind,
    schoolId: document.schoolId,
    groupId: document.groupId,
    ownerId: document.createdBy,
    ownerMentorIds: await store.mentorships.mentorIdsOf(document.createdBy),
    lesson: lesson ?? (await documentLesson(store, document)),
  }
}

/** The number of the lesson's latest 定稿 version, which the read-only notice names. */
export async function latestVersionNumber(
  store: Pick<Store, 'versions'>,
  lessonId: string | null,
): Promise<number | null> {
  if (lessonId === null) return null
  const numbers = (await store.versions.listVersions(lessonId)).map((version) => version.number)
  return numbers.length === 0 ? null : Math.max(...numbers)
}

async function documentLesson(
  store: Pick<Store, 'lessons' | 'mentorships' | 'versions'>,
  document: DocumentRecord,
): Promise<LessonContext | null> {
  if (document.lessonId === null) return null
  const lesson = await store.lessons.findLesson(document.lessonId)
  return lesson ? lessonContextOf(store, lesson) : null
}
