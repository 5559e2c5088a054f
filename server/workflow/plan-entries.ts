/**
 * The leader's 备课计划 entries (四定): adding one creates the lesson with its shared 导学案, started from
 * the school's template with the header filled in; changing one may hand the lesson to another 主备人;
 * deleting one (before the review) removes its documents too.
 */
import type { LessonPlanInput, LessonPlanPatch } from '../../shared/api/lessons.ts'
import type { Actor } from '../../shared/access.ts'
import type { HeaderValues } from '../../shared/schema/header-fields.ts'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import { decide, type LessonAction, type LessonContext } from '../../shared/workflow/lesson-rules.ts'
import { semesterOf } from '../../shared/workflow/lesson-schedule.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { GroupRecord, Store, UserRecord } from '../store/store.ts'
import { newLessonPlanUpdate } from '../template/new-lesson-plan.ts'
import { applyChange } from '../versions/document-content.ts'
import { draftHeader } from './draft-header.ts'
import { lessonContextOf } from './lesson-context.ts'
import { refreshLessonAccess } from './live-access.ts'
import { forbid, missing, type Outcome, reject, succeed } from './outcome.ts'
import { noSuchLesson, type WorkflowContext } from './stage-change.ts'

export function planDocumentTitle(title: string): string {
  return `${title} 导学案`
}

/** The group's teachers, who may be 主备人; guests never are. */
export async function preparersOf(store: Pick<Store, 'groups'>, groupId: string): Promise<UserRecord[]> {
  return (await store.groups.listGroupMembers(groupId)).filter((user) => user.role !== 'guest')
}

/** The group, if it is one of `actor`'s school. */
export async function groupOf(
  store: Pick<Store, 'groups'>,
  actor: Actor,
  groupId: string,
): Promise<GroupRecord | null> {
  const group = await store.groups.findGroup(groupId)
  return group?.schoolId === actor.schoolId ? group : null
}

/** Planning rights do not depend on a lesson's stage, so a plan not yet made is decided as a draft. */
export function plannedLesson(group: GroupRecord, leadPreparerId: string): LessonContext {
  const { schoolId, id: groupId } = group
  return {
    schoolId,
    groupId,
    stage: 'draft',
    leadPreparerId,
    liveReviewOpen: false,
    leadPreparerMentorIds: [],
    hasVersions: false,
  }
}

export async function createPlanEntry(
  context: WorkflowContext,
  actor: Actor,
  groupId: string,
  input: LessonPlanInput,
  /** The draft's first content from its header values, e.g. an imported file; the school's template otherwise. */
  initialContent?: (header: HeaderValues) => Uint8Array,
): Promise<Outcome<LessonRecord>> {
  const { store } = context
  const group = await groupOf(store, actor, groupId)
  if (!group) return missing('没有这个备课组')
  const decision = decide('manage', actor, plannedLesson(group, input.leadPreparerId))
  if (!decision.allowed) return forbid(decision.reason)
  const preparers = await preparersOf(store, groupId)
  const leadPreparer = preparers.find((user) => user.id === input.leadPreparerId)
  if (!leadPreparer) return reject('主备人必须是本备课组的老师')

  const header = draftHeader({
    groupName: group.name,
    title: input.title,
    lessonType: input.lessonType,
    period: input.period,
    scheduledDate: input.scheduledDate,
    leadPreparerName: leadPreparer.displayName,
    reviewerName: preparers.find((user) => user.role === 'leader')?.displayName ?? '',
  })
  // Made before the lesson, so that content which cannot be made leaves no lesson behind.
  const content = initialContent ? initialContent(header) : await newLessonPlanUpdate(store, group.schoolId, header)
  const lesson = await store.lessons.createLesson({
    ...input,
    semester: semesterOf(input.scheduledDate),
    schoolId: group.schoolId,
    groupId,
    createdBy: actor.userId,
    documentTitle: planDocumentTitle(input.title),
  })
  await applyChange(context, lesson.documentId, content)
  return succeed(lesson)
}

export async function updatePlanEntry(
  context: WorkflowContext,
  actor: Actor,
  lessonId: string,
  patch: LessonPlanPatch,
): Promise<Outcome<LessonRecord>> {
  const { store, registry } = context
  const lesson = await store.lessons.findLesson(lessonId)
  if (!lesson) return noSuchLesson()
  const { unit, ...planned } = patch
  const lessonContext = await lessonContextOf(store, lesson)
  // The 单元 has its own rule (LIBRARY-12): the 主备人 may give it without planning the lesson.
  const actions: LessonAction[] = [
    ...(Object.keys(planned).length > 0 || unit === undefined ? (['manage'] as const) : []),
    ...(unit === undefined ? [] : (['setUnit'] as const)),
  ]
  for (const action of actions) {
    const decision = decide(action, actor, lessonContext)
    if (!decision.allowed) return forbid(decision.reason)
  }
  if (patch.leadPreparerId !== undefined) {
    const preparers = await preparersOf(store, lesson.groupId)
    if (!preparers.some((user) => user.id === patch.leadPreparerId)) return reject('主备人必须是本备课组的老师')
  }
  const documentTitle = patch.title === undefined ? undefined : planDocumentTitle(patch.title)
  // A lesson moved to another date belongs to that date's semester.
  const semester = patch.scheduledDate === undefined ? undefined : semesterOf(patch.scheduledDate)
  const updated = await store.lessons.updateLessonPlan(lessonId, { ...patch, documentTitle, semester })
  if (!updated) return noSuchLesson()
  // Another 主备人 edits the draft from now on, and the previous one no longer does.
  if (updated.leadPreparerId !== lesson.leadPreparerId) await refreshLessonAccess(store, registry, updated)
  return succeed(updated)
}

export async function deletePlanEntry(
  context: WorkflowContext,
  actor: Actor,
  lessonId: string,
): Promise<Outcome<null>> {
  const { store, registry } = context
  // The lesson may move between the decision and the deletion; it is then decided again as it now is.
  for (;;) {
    const lesson = await store.lessons.findLesson(lessonId)
    if (!lesson) return noSuchLesson()
    const decision = decide('delete', actor, await lessonContextOf(store, lesson))
    if (!decision.allowed) return forbid(decision.reason)
    // What open rooms accepted is stored while the documents still exist, but their editors stay
    // until the deletion is certain: it is refused if the lesson has moved on meanwhile.
    const documents = await store.documents.listDocumentsOfLesson(lessonId)
    await Promise.all(documents.map((document) => registry.find(document.id)?.settle() ?? Promise.resolve()))
    if (!(await store.lessons.deleteLesson(lessonId, lesson.stage))) continue
    for (const document of documents) registry.evict(document.id, CloseCode.documentNotFound, 'document deleted')
    return succeed(null)
  }
}
