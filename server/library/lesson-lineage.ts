/**
 * Where a lesson's draft came from and what was built on its 定稿 (LIBRARY-4, LIBRARY-5), each told
 * only if the user may read that lesson (LIBRARY-1).
 */
import type { Actor } from '../../shared/access.ts'
import type { BuiltOnLesson, DraftSource, LessonLineage } from '../../shared/api/library.ts'
import { versionName } from '../../shared/api/versions.ts'
import { inLibraryScope, libraryScope } from '../../shared/library/library-scope.ts'
import { draftSourceLabel } from '../../shared/library/lineage.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { DraftSourceRecord } from '../store/library-records.ts'
import type { Store } from '../store/store.ts'
import { peopleOf, personOf } from '../versions/people.ts'
import { lessonAllowing } from '../versions/version-service.ts'
import { type Outcome, succeed } from '../workflow/outcome.ts'

type LineageStore = Pick<Store, 'accounts' | 'groups' | 'library' | 'lessons' | 'mentorships' | 'versions'>

export async function lessonLineage(
  store: LineageStore,
  actor: Actor,
  lessonId: string,
): Promise<Outcome<LessonLineage>> {
  const lesson = await lessonAllowing(store, lessonId, actor, 'view')
  if (!lesson.ok) return lesson
  const readable = (other: LessonRecord | null): other is LessonRecord =>
    other !== null && inLibraryScope(libraryScope(actor), other.schoolId, other.groupId)

  const sourceRecord = await store.library.findDraftSource(lessonId)
  const sourceLesson = sourceRecord ? await store.lessons.findLesson(sourceRecord.sourceLessonId) : null
  const source = sourceRecord && readable(sourceLesson) ? await sourceView(store, sourceRecord, sourceLesson) : null

  const builtOnRecords = await store.library.listDraftsBuiltOn(lessonId)
  const builtOnLessons = await Promise.all(builtOnRecords.map((record) => store.lessons.findLesson(record.lessonId)))
  const builtOn = await builtOnViews(
    store,
    builtOnRecords.flatMap((record, index) => {
      const built = builtOnLessons[index] ?? null
      return readable(built) ? [{ record, lesson: built }] : []
    }),
  )
  return succeed({ source, builtOn })
}

async function groupNameOf(store: Pick<Store, 'groups'>, groupId: string): Promise<string> {
  return (await store.groups.findGroup(groupId))?.name ?? ''
}

async function sourceView(store: LineageStore, record: DraftSourceRecord, lesson: LessonRecord): Promise<DraftSource> {
  const people = await peopleOf(store, [lesson.leadPreparerId, record.createdBy])
  return {
    versionId: record.versionId,
    lessonId: lesson.id,
    title: lesson.title,
    label: draftSourceLabel({
      semester: lesson.semester,
      groupName: await groupNameOf(store, lesson.groupId),
      versionNumber: record.versionNumber,
      leadPreparerName: personOf(people, lesson.leadPreparerId).displayName,
    }),
    startedBy: personOf(people, record.createdBy),
    startedAt: record.createdAt.toISOString(),
  }
}

async function builtOnViews(
  store: LineageStore,
  entries: readonly { record: DraftSourceRecord; lesson: LessonRecord }[],
): Promise<BuiltOnLesson[]> {
  const people = await peopleOf(
    store,
    entries.map(({ lesson }) => lesson.leadPreparerId),
  )
  return Promise.all(
    entries.map(async ({ record, lesson }) => ({
      lessonId: lesson.id,
      title: lesson.title,
      semester: lesson.semester,
      groupName: await groupNameOf(store, lesson.groupId),
      leadPreparer: personOf(people, lesson.leadPreparerId),
      stage: lesson.stage,
      versionName: versionName(record.versionNumber),
      startedAt: record.createdAt.toISOString(),
    })),
  )
}
