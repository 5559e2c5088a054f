/** Loads what the lesson rules (`shared/workflow/lesson-rules.ts`) need to know about a lesson. */
import type { LessonContext } from '../../shared/workflow/lesson-rules.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { Store } from '../store/store.ts'

export async function lessonContextOf(
  store: Pick<Store, 'mentorships' | 'versions'>,
  lesson: LessonRecord,
): Promise<LessonContext> {
  return {
    schoolId: lesson.schoolId,
    groupId: lesson.groupId,
    stage: lesson.stage,
    leadPreparerId: lesson.leadPreparerId,
    liveReviewOpen: lesson.liveReviewOpen,
    leadPreparerMentorIds: await store.mentorships.mentorIdsOf(lesson.leadPreparerId),
    hasVersions: (await store.versions.listVersions(lesson.id)).length > 0,
  }
}
