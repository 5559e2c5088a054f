/**
 * Gathers one group's semester for the group page and counts it with `shared/stats/group-overview.ts`,
 * each count with the list of what it counts (CHECK-6). Who may look: the office every group of its
 * school, teachers and leaders their own groups.
 */
import type { Actor } from '../../shared/access.ts'
import type { GroupOverview, OverviewLesson, TeacherWorkLists, WorkLesson } from '../../shared/api/group-overview.ts'
import {
  countsOfWork,
  isReflectionWritten,
  lateLessons,
  lessonsByStage,
  type StatsAdaptation,
  type StatsReflection,
  type TeacherWork,
  teacherWork,
  totalCounts,
} from '../../shared/stats/group-overview.ts'
import { type CommentItem, commentsOf, threadStateCounts } from '../../shared/stats/thread-counts.ts'
import { blocksOfState } from '../../shared/versions/document-blocks.ts'
import { documentAccess, type DocumentKind } from '../../shared/workflow/document-access.ts'
import { localDateTime, semesterOf } from '../../shared/workflow/lesson-schedule.ts'
import { listLessonAdaptations } from '../adaptations/adaptation-service.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { GroupRecord } from '../store/store.ts'
import { type StoredThread, threadsOfState } from '../threads/document-threads.ts'
import { type ContentContext, currentState } from '../versions/document-content.ts'
import { editorSchema } from '../versions/version-service.ts'
import { peopleOf } from '../versions/people.ts'
import { documentContextOf } from '../workflow/document-context.ts'
import { lessonContextOf } from '../workflow/lesson-context.ts'
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
  const [summaries, meetings, members, adaptations, { reflections, comments, threads, openable }] = await Promise.all([
    lessonSummaries(context.store, lessons, today),
    context.store.meetings.listMeetings(lessons.map((lesson) => lesson.id)),
    context.store.groups.listGroupMembers(group.id),
    adaptationsOf(context, actor, lessons),
    lessonDocumentsOf(context, actor, lessons),
  ])
  const overviewLessons: OverviewLesson[] = summaries.map((summary) => ({
    ...summary,
    meetings: meetings.filter((meeting) => meeting.lessonId === summary.id).length,
    threads: threadStateCounts(threads.get(summary.id) ?? []),
  }))
  const statsLessons = lessons.map((lesson, index) => ({ ...lesson, summary: overviewLessons[index]! }))
  const teachers = members.filter((user) => user.role !== 'guest').map(({ id, displayName }) => ({ id, displayName }))
  const others = await peopleOf(context.store, [
    ...lessons.map((lesson) => lesson.leadPreparerId),
    ...adaptations.map((adaptation) => adaptation.teacherId),
    ...reflections.map((reflection) => reflection.teacherId),
    ...comments.map((comment) => comment.authorId),
  ])
  const work = teacherWork({ teachers, lessons, adaptations, reflections, comments, others })
  const listed = workLists(lessons, openable)
  const rows = work.map((row) => ({ ...countsOfWork(row), work: listed(row) }))
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

type ListedAdaptation = StatsAdaptation & { documentId: string }
type ListedReflection = StatsReflection & { documentId: string }

/**
 * A row's lists as the page shows them: one item for each one `teacherWork` counted, in its order, named
 * by its lesson, and linked only where the reader may open the document ([CHECK-6]).
 */
function workLists(lessons: readonly LessonRecord[], openable: ReadonlySet<string>) {
  const named = new Map<string, WorkLesson>(
    lessons.map(({ id, title, scheduledDate, scheduledTime }) => [id, { id, title, scheduledDate, scheduledTime }]),
  )
  const link = (documentId: string) => (openable.has(documentId) ? documentId : null)
  return (row: TeacherWork<LessonRecord, ListedAdaptation, ListedReflection, CommentItem>): TeacherWorkLists => ({
    leadPrepared: row.leadPrepared.map((lesson) => ({
      lesson: named.get(lesson.id)!,
      documentId: link(lesson.documentId),
    })),
    adaptations: row.adaptations.map(({ lessonId, documentId, changeCount }) => ({
      lesson: named.get(lessonId)!,
      documentId: link(documentId),
      changeCount,
    })),
    reflections: row.reflections.map(({ lessonId, documentId }) => ({
      lesson: named.get(lessonId)!,
      documentId: link(documentId),
    })),
    comments: row.comments.map(({ lessonId, authorId, ...comment }) => ({ lesson: named.get(lessonId)!, ...comment })),
  })
}

async function adaptationsOf(
  context: ContentContext,
  actor: Actor,
  lessons: readonly LessonRecord[],
): Promise<ListedAdaptation[]> {
  const perLesson = await Promise.all(lessons.map((lesson) => listLessonAdaptations(context, lesson.id, actor)))
  return perLesson.flatMap((outcome) =>
    outcome.ok
      ? outcome.value.map((adaptation) => ({
          lessonId: adaptation.lessonId,
          documentId: adaptation.documentId,
          teacherId: adaptation.teacher.id,
          changeCount: adaptation.changeCount,
        }))
      : [],
  )
}

/**
 * Reads every document of the lessons once: its threads (批注 of the plan, adaptations, reflections,
 * variants) and, for a reflection, whether it is written; and decides whether `actor` may open it, for
 * the links of the lists. Adaptations are read again by `adaptationsOf`, which diffs them against their
 * versions.
 */
async function lessonDocumentsOf(
  context: ContentContext,
  actor: Actor,
  lessons: readonly LessonRecord[],
): Promise<{
  reflections: ListedReflection[]
  comments: CommentItem[]
  threads: Map<string, StoredThread[]>
  openable: Set<string>
}> {
  const { store } = context
  const perLesson = await Promise.all(
    lessons.map(async (lesson) => ({
      lesson: await lessonContextOf(store, lesson),
      documents: await store.documents.listDocumentsOfLesson(lesson.id),
    })),
  )
  const read = await Promise.all(
    perLesson.flatMap(({ lesson, documents }) =>
      documents.map(async (document) => {
        const [state, access] = await Promise.all([
          currentState(context, document.id),
          documentContextOf(store, document, lesson).then((found) => documentAccess(actor, found)),
        ])
        const lessonId = document.lessonId!
        const reflection: ListedReflection | null =
          document.kind === 'reflection'
            ? {
                lessonId,
                documentId: document.id,
                teacherId: document.createdBy,
                written: isReflectionWritten(blocksOfState(state, editorSchema)),
              }
            : null
        const counted = { id: document.id, kind: document.kind as DocumentKind, mayOpen: access !== null }
        const threads = threadsOfState(state)
        return { lessonId, reflection, threads, comments: commentsOf(lessonId, counted, threads), counted }
      }),
    ),
  )
  const threads = new Map<string, StoredThread[]>()
  for (const { lessonId, threads: found } of read) threads.set(lessonId, [...(threads.get(lessonId) ?? []), ...found])
  return {
    reflections: read.flatMap(({ reflection }) => (reflection ? [reflection] : [])),
    comments: read.flatMap(({ comments }) => comments),
    threads,
    openable: new Set(read.flatMap(({ counted }) => (counted.mayOpen ? [counted.id] : []))),
  }
}
