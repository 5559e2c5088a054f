/**
 * 同课异构: several teachers' own designs of one lesson, each a `variant` document of the lesson
 * started from the school's template or from the shared plan as it is now, compared section against
 * section. A design started from the plan takes its text, not its threads (`forkState`).
 */
import type { Actor } from '../../shared/access.ts'
import { forkState } from '../../shared/adaptation/fork.ts'
import type { VariantComparison, VariantSummary } from '../../shared/api/versions.ts'
import { pairSections, sectionsOf } from '../../shared/variants/section-pairs.ts'
import { decideVariant } from '../../shared/variants/variant-rules.ts'
import { blocksOfState } from '../../shared/versions/document-blocks.ts'
import { documentAccess } from '../../shared/workflow/document-access.ts'
import type { DocumentRecord } from '../store/store.ts'
import { newLessonPlanUpdate } from '../template/new-lesson-plan.ts'
import { draftHeader } from '../workflow/draft-header.ts'
import { documentContextOf } from '../workflow/document-context.ts'
import { lessonContextOf } from '../workflow/lesson-context.ts'
import { forbid, missing, type Outcome, reject, succeed } from '../workflow/outcome.ts'
import { type ContentContext, currentState } from '../versions/document-content.ts'
import { peopleOf, personOf } from '../versions/people.ts'
import { editorSchema, lessonAllowing } from '../versions/version-service.ts'

export async function createVariant(
  context: ContentContext,
  lessonId: string,
  actor: Actor,
  from: 'template' | 'plan',
): Promise<Outcome<VariantSummary>> {
  const { store } = context
  const lesson = await store.lessons.findLesson(lessonId)
  if (!lesson) return missing('这节课不存在或已被删除')
  const decision = decideVariant(actor, await lessonContextOf(store, lesson))
  if (!decision.allowed) return forbid(decision.reason)
  const author = await store.accounts.findUserById(actor.userId)
  const group = await store.groups.findGroup(lesson.groupId)
  const initialState =
    from === 'plan'
      ? forkState(await currentState(context, lesson.documentId))
      : await newLessonPlanUpdate(
          store,
          lesson.schoolId,
          draftHeader({
            groupName: group?.name ?? '',
            title: lesson.title,
            lessonType: lesson.lessonType,
            period: lesson.period,
            scheduledDate: lesson.scheduledDate,
            leadPreparerName: author?.displayName ?? '',
            reviewerName: '',
          }),
        )
  const document = await store.adaptations.createLessonDocument(
    {
      lessonId,
      schoolId: lesson.schoolId,
      groupId: lesson.groupId,
      kind: 'variant',
      title: `${lesson.title}（${author?.displayName ?? ''}的设计）`,
      createdBy: actor.userId,
      initialState,
    },
    null,
  )
  const [summary] = await summariesOf(context, [document])
  return succeed(summary!)
}

export async function listVariants(
  context: ContentContext,
  lessonId: string,
  actor: Actor,
): Promise<Outcome<VariantSummary[]>> {
  const allowed = await lessonAllowing(context.store, lessonId, actor, 'view')
  if (!allowed.ok) return allowed
  const variants = (await context.store.documents.listDocumentsOfLesson(lessonId)).filter(
    (document) => document.kind === 'variant',
  )
  return succeed(await summariesOf(context, variants))
}

/** Two designs of the lesson (variants, or a variant and the shared plan) side by side, section by section. */
export async function compareVariants(
  context: ContentContext,
  lessonId: string,
  leftId: string,
  rightId: string,
  actor: Actor,
): Promise<Outcome<VariantComparison>> {
  const { store } = context
  const designs: DocumentRecord[] = []
  for (const id of [leftId, rightId]) {
    const document = await store.documents.findDocument(id)
    const design = document?.lessonId === lessonId && (document.kind === 'variant' || document.kind === 'lesson-plan')
    if (!document || !design || !documentAccess(actor, await documentContextOf(store, document))) {
      return reject('只能比较本课的同课异构设计')
    }
    designs.push(document)
  }
  const [left, right] = await summariesOf(context, designs)
  const [leftState, rightState] = [await currentState(context, leftId), await currentState(context, rightId)]
  const sections = pairSections(
    sectionsOf(blocksOfState(leftState, editorSchema)),
    sectionsOf(blocksOfState(rightState, editorSchema)),
  )
  return succeed({ left: left!, right: right!, sections })
}

async function summariesOf(context: ContentContext, documents: readonly DocumentRecord[]): Promise<VariantSummary[]> {
  const people = await peopleOf(
    context.store,
    documents.map((document) => document.createdBy),
  )
  return documents.map((document) => ({
    documentId: document.id,
    title: document.title,
    author: personOf(people, document.createdBy),
    createdAt: document.createdAt.toISOString(),
  }))
}
