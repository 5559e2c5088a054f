/** Lessons as the API shows them to one user: names instead of ids, the overdue flag, what they may do. */
import type { Actor } from '../../shared/access.ts'
import type { LessonDetail, LessonDocument, LessonSummary, StageMove } from '../../shared/api/lessons.ts'
import { documentAccess } from '../../shared/workflow/document-access.ts'
import { type Decision, decide, type LessonAction, lessonActions } from '../../shared/workflow/lesson-rules.ts'
import { isOverdue, type LocalDateTime } from '../../shared/workflow/lesson-schedule.ts'
import { stageTransitions } from '../../shared/workflow/stages.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { Store } from '../store/store.ts'
import { type People, peopleOf, personOf } from '../versions/people.ts'
import { documentContextOf } from './document-context.ts'
import { lessonContextOf } from './lesson-context.ts'

export function lessonSummaryOf(
  lesson: LessonRecord,
  people: People,
  now: LocalDateTime,
  hasVersions: boolean,
): LessonSummary {
  return {
    id: lesson.id,
    groupId: lesson.groupId,
    semester: lesson.semester,
    title: lesson.title,
    unit: lesson.unit,
    lessonType: lesson.lessonType,
    period: lesson.period,
    scheduledDate: lesson.scheduledDate,
    scheduledTime: lesson.scheduledTime,
    place: lesson.place,
    leadPreparer: personOf(people, lesson.leadPreparerId),
    documentId: lesson.documentId,
    stage: lesson.stage,
    liveReviewOpen: lesson.liveReviewOpen,
    overdue: isOverdue(lesson, now),
    hasVersions,
  }
}

export async function lessonSummaries(
  store: Pick<Store, 'accounts' | 'versions'>,
  lessons: readonly LessonRecord[],
  now: LocalDateTime,
) {
  const people = await peopleOf(
    store,
    lessons.map((lesson) => lesson.leadPreparerId),
  )
  const versioned = await Promise.all(
    lessons.map(async (lesson) => (await store.versions.listVersions(lesson.id)).length > 0),
  )
  return lessons.map((lesson, index) => lessonSummaryOf(lesson, people, now, versioned[index]!))
}

/** A rule's decision as the API shows it. */
export const asView = (decision: Decision) =>
  decision.allowed ? { allowed: true } : { allowed: false, reason: decision.reason }

export async function lessonDetailOf(
  store: Pick<Store, 'accounts' | 'documents' | 'groups' | 'lessons' | 'mentorships' | 'versions'>,
  lesson: LessonRecord,
  actor: Actor,
  now: LocalDateTime,
): Promise<LessonDetail> {
  const context = await lessonContextOf(store, lesson)
  const [history, documents, group] = await Promise.all([
    store.lessons.listLessonStageEvents(lesson.id),
    store.documents.listDocumentsOfLesson(lesson.id),
    store.groups.findGroup(lesson.groupId),
  ])
  const people = await peopleOf(store, [
    lesson.leadPreparerId,
    ...history.map((event) => event.actorId),
    ...documents.map((document) => document.createdBy),
  ])

  const moves: StageMove[] = stageTransitions
    .filter((transition) => transition.from === lesson.stage)
    .map(({ to, label }) => ({ to, label, ...asView(decide('changeStage', actor, context, to)) }))
  const permissions = Object.fromEntries(
    lessonActions.map((action) => [action, asView(decideForPage(action, actor, context, moves))]),
  ) as LessonDetail['permissions']

  const visible: LessonDocument[] = []
  for (const document of documents) {
    const access = documentAccess(actor, await documentContextOf(store, document, context))
    if (!access) continue
    const { id, title, kind } = document
    visible.push({ id, title, kind, access, createdBy: personOf(people, document.createdBy) })
  }
  visible.sort((a, b) => Number(b.id === lesson.documentId) - Number(a.id === lesson.documentId))

  return {
    lesson: lessonSummaryOf(lesson, people, now, context.hasVersions),
    groupName: group?.name ?? '',
    moves,
    permissions,
    history: history.map((event) => ({
      seq: event.seq,
      from: event.from,
      to: event.to,
      actor: personOf(people, event.actorId),
      at: event.at.toISOString(),
    })),
    documents: visible,
  }
}

/** `changeStage` needs a target: on the page it means "some move is open to me". */
function decideForPage(
  action: LessonAction,
  actor: Actor,
  context: Parameters<typeof decide>[2],
  moves: readonly StageMove[],
): Decision {
  if (action !== 'changeStage') return decide(action, actor, context)
  if (moves.some((move) => move.allowed)) return { allowed: true }
  return { allowed: false, reason: moves[0]?.reason ?? '这节课已归档，阶段不能再变更' }
}
