/**
 * Gathers one group's semester for the group page and counts it with `shared/stats/group-overview.ts`.
 * Who may look: the office every group of its school, teachers and leaders their own groups.
 */
import type { Actor } from '../../shared/access.ts'
import type { GroupOverview, OverviewLesson } from '../../shared/api/group-overview.ts'
import {
  isReflectionWritten,
  lateLessons,
  lessonsByStage,
  type StatsAdaptation,
  type StatsReflection,
  teacherCounts,
  totalCounts,
} from '../../shared/stats/group-overview.ts'
import { commentsOf, threadStateCounts } from '../../shared/stats/thread-counts.ts'
import type { ThreadView } from '../../shared/threads/thread-model.ts'
import { blocksOfState } from '../../shared/versions/document-blocks.ts'
import { localDateTime, semesterOf } from '../../shared/workflow/lesson-schedule.ts'
import { listLessonAdaptations } from '../adaptations/adaptation-service.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { GroupRecord } from '../store/store.ts'
import { threadsOfState } from '../threads/document-threads.ts'
import { type ContentContext, currentState } from '../versions/document-content.ts'
import { editorSchema } from '../versions/version-service.ts'
import { peopleOf } from '../versions/people.ts'
import { lessonSummaries } from '../workflow/lesson-views.ts'
import { forbid, missing, type Outcome, succeed } from '../workflow/outcome.ts'

/** The groups `actor` may see on the group page. */
export async function visibleGroups(context: ContentContext, actor: Actor): Promise<GroupRecord[]> {
  const groups = await context.store.groups.listGroups(actor.schoolId)
  if (actor.role === 'admin') return groups
  if (actor.role === 'guest') return []
  return groups.filter((group) => actor.groupIds.includes(group.id))
}

export async function groupOverviewFor(
  context: ContentContext,
  actor: Actor,
  query: { groupId?: string; semester?: string },
  now = new Date(),
): Promise<Outcome<GroupOverview>> {
  const groups = await visibleGroups(context, actor)
  if (groups.length === 0) return forbid('只有备课组的老师和教导处可以查看备课组概况')
  const group = query.groupId === undefined ? groups[0]! : groups.find((candidate) => candidate.id === query.groupId)
  if (!group) {
    const inSchool = (await context.store.groups.listGroups(actor.schoolId)).some(
      (candidate) => candidate.id === query.groupId,
    )
    return inSchool ? forbid('只能查看自己所在备课组的概况') : missing('没有这个备课组')
  }
  const today = localDateTime(now)
  const semester = query.semester ?? semesterOf(today.date)
  const [lessons, semesters] = await Promise.all([
    context.store.lessons.listLessonsOfGroup(group.id, semester),
    context.store.lessons.listSemestersOfGroup(group.id),
  ])
  const [summaries, meetings, members, adaptations, { reflections, threads }] = await Promise.all([
    lessonSummaries(context.store, lessons, today),
    context.store.meetings.listMeetings(lessons.map((lesson) => lesson.id)),
    context.store.groups.listGroupMembers(group.id),
    adaptationsOf(context, actor, lessons),
    lessonDocumentsOf(context, lessons),
  ])
  const overviewLessons: OverviewLesson[] = summaries.map((summary) => ({
    ...summary,
    meetings: meetings.filter((meeting) => meeting.lessonId === summary.id).length,
    threads: threadStateCounts(threads.get(summary.id) ?? []),
  }))
  const statsLessons = lessons.map((lesson, index) => ({ ...lesson, summary: overviewLessons[index]! }))
  const teachers = members.filter((user) => user.role !== 'guest').map(({ id, displayName }) => ({ id, displayName }))
  const comments = [...threads].flatMap(([lessonId, lessonThreads]) => commentsOf(lessonId, lessonThreads))
  const others = await peopleOf(context.store, [
    ...lessons.map((lesson) => lesson.leadPreparerId),
    ...adaptations.map((adaptation) => adaptation.teacherId),
    ...reflections.map((reflection) => reflection.teacherId),
    ...comments.map((comment) => comment.authorId),
  ])
  const rows = teacherCounts({ teachers, lessons, adaptations, reflections, comments, others })
  return succeed({
    group: { id: group.id, name: group.name },
    groups: groups.map(({ id, name }) => ({ id, name })),
    semester,
    semesters: [...new Set([...semesters, semesterOf(today.date), semester])].sort().reverse(),
    stages: lessonsByStage(overviewLessons),
    late: lateLessons(statsLessons, today).map((lesson) => lesson.summary),
    teachers: rows,
    totals: totalCounts(rows),
  })
}

async function adaptationsOf(
  context: ContentContext,
  actor: Actor,
  lessons: readonly LessonRecord[],
): Promise<StatsAdaptation[]> {
  const perLesson = await Promise.all(lessons.map((lesson) => listLessonAdaptations(context, lesson.id, actor)))
  return perLesson.flatMap((outcome) =>
    outcome.ok
      ? outcome.value.map((adaptation) => ({
          lessonId: adaptation.lessonId,
          teacherId: adaptation.teacher.id,
          changeCount: adaptation.changeCount,
        }))
      : [],
  )
}

/**
 * Reads every document of the lessons once: its threads (批注 of the plan, adaptations, reflections,
 * variants) and, for a reflection, whether it is written. Adaptations are read again by
 * `adaptationsOf`, which diffs them against their versions.
 */
async function lessonDocumentsOf(
  context: ContentContext,
  lessons: readonly LessonRecord[],
): Promise<{ reflections: StatsReflection[]; threads: Map<string, ThreadView[]> }> {
  const documents = (
    await Promise.all(lessons.map((lesson) => context.store.documents.listDocumentsOfLesson(lesson.id)))
  ).flat()
  const read = await Promise.all(
    documents.map(async (document) => {
      const state = await currentState(context, document.id)
      const reflection: StatsReflection | null =
        document.kind === 'reflection'
          ? {
              lessonId: document.lessonId!,
              teacherId: document.createdBy,
              written: isReflectionWritten(blocksOfState(state, editorSchema)),
            }
          : null
      return { lessonId: document.lessonId!, reflection, threads: threadsOfState(state) }
    }),
  )
  const threads = new Map<string, ThreadView[]>()
  for (const { lessonId, threads: found } of read) threads.set(lessonId, [...(threads.get(lessonId) ?? []), ...found])
  return { reflections: read.flatMap(({ reflection }) => (reflection ? [reflection] : [])), threads }
}
