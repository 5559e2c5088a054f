/**
 * 课后反思: each teacher's reflection on a lesson is a collaborative document of kind `reflection`,
 * written in the same editor as the plan (so it saves offline, shows who is typing, and a mentor can
 * annotate it). It may point at passages of the shared plan or of the teacher's adaptation; a pointer
 * quotes the passage as it read when it was picked, so it still makes sense after later edits.
 */
import type { Actor } from '../../shared/access.ts'
import type { DocumentPassages, ReflectionSummary } from '../../shared/api/versions.ts'
import { blocksOfState, bodyJsonOfState } from '../../shared/versions/document-blocks.ts'
import { documentAccess } from '../../shared/workflow/document-access.ts'
import type { DocumentRecord } from '../store/store.ts'
import { documentUpdateOf } from '../template/new-lesson-plan.ts'
import { documentContextOf } from '../workflow/document-context.ts'
import { forbid, missing, type Outcome, reject, succeed } from '../workflow/outcome.ts'
import { type ContentContext, currentState } from '../versions/document-content.ts'
import { peopleOf, personOf } from '../versions/people.ts'
import { editorSchema, lessonAllowing } from '../versions/version-service.ts'

/** The usual parts of a 教学反思, as headings to write under. */
const reflectionOutline = ['成功之处', '不足之处', '学生的见解', '再教设计']

function reflectionStart(): Uint8Array {
  return documentUpdateOf({
    type: 'doc',
    content: reflectionOutline.flatMap((title) => [
      { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: title }] },
      { type: 'paragraph' },
    ]),
  })
}

/** The teacher's reflection on the lesson, created on first use. Allowed by `decide('reflect')`. */
export async function openReflection(
  context: ContentContext,
  lessonId: string,
  actor: Actor,
): Promise<Outcome<{ documentId: string }>> {
  const { store } = context
  const allowed = await lessonAllowing(store, lessonId, actor, 'reflect')
  if (!allowed.ok) return allowed
  const lesson = allowed.value
  const own = async () =>
    (await store.documents.listDocumentsOfLesson(lessonId)).find(
      (document) => document.kind === 'reflection' && document.createdBy === actor.userId,
    )
  const existing = await own()
  if (existing) return succeed({ documentId: existing.id })
  const teacher = await store.accounts.findUserById(actor.userId)
  try {
    const created = await store.adaptations.createLessonDocument(
      {
        lessonId,
        schoolId: lesson.schoolId,
        groupId: lesson.groupId,
        kind: 'reflection',
        title: `${lesson.title}（${teacher?.displayName ?? ''}的课后反思）`,
        createdBy: actor.userId,
        initialState: reflectionStart(),
      },
      null,
    )
    return succeed({ documentId: created.id })
  } catch (error) {
    // Two clicks at once: the other one created it.
    const raced = await own()
    if (!raced) throw error
    return succeed({ documentId: raced.id })
  }
}

/** Every reflection of the lesson `actor` may read, side by side (多人一课多反思). */
export async function listReflections(
  context: ContentContext,
  lessonId: string,
  actor: Actor,
): Promise<Outcome<ReflectionSummary[]>> {
  const { store } = context
  const allowed = await lessonAllowing(store, lessonId, actor, 'view')
  if (!allowed.ok) return allowed
  const documents = await store.documents.listDocumentsOfLesson(lessonId)
  const readable: DocumentRecord[] = []
  for (const document of documents) {
    if (document.kind === 'reflection' && documentAccess(actor, await documentContextOf(store, document)))
      readable.push(document)
  }
  const references = await store.adaptations.listReflectionReferences(readable.map((document) => document.id))
  const people = await peopleOf(
    store,
    readable.map((document) => document.createdBy),
  )
  const summaries: ReflectionSummary[] = []
  for (const document of readable) {
    const adaptation = documents.find(
      (candidate) => candidate.kind === 'adaptation' && candidate.createdBy === document.createdBy,
    )
    summaries.push({
      documentId: document.id,
      title: document.title,
      teacher: personOf(people, document.createdBy),
      adaptationDocumentId: adaptation?.id ?? null,
      content: bodyJsonOfState(await currentState(context, document.id), editorSchema),
      references: references
        .filter((reference) => reference.reflectionId === document.id)
        .map(({ id, sourceDocumentId, blockKey, section, quote }) => ({
          id,
          sourceDocumentId,
          blockKey,
          section,
          quote,
        })),
    })
  }
  return succeed(summaries)
}

/** The passages of a document `actor` may read, to pick one to point at. */
export async function documentPassages(
  context: ContentContext,
  documentId: string,
  actor: Actor,
): Promise<Outcome<DocumentPassages>> {
  const document = await context.store.documents.findDocument(documentId)
  if (!document || !documentAccess(actor, await documentContextOf(context.store, document)))
    return missing('没有这份文档')
  const blocks = blocksOfState(await currentState(context, documentId), editorSchema).filter(
    (block) => block.text.trim() !== '',
  )
  return succeed({ documentId, blocks })
}

/** Points the reflection at a passage of the lesson's shared plan or of an adaptation of it. */
export async function addReference(
  context: ContentContext,
  reflectionId: string,
  source: { sourceDocumentId: string; blockKey: string },
  actor: Actor,
): Promise<Outcome<ReflectionSummary['references'][number]>> {
  const { store } = context
  const reflection = await store.documents.findDocument(reflectionId)
  if (!reflection || reflection.kind !== 'reflection') return missing('没有这篇反思')
  const access = documentAccess(actor, await documentContextOf(store, reflection))
  if (!access) return missing('没有这篇反思')
  if (access !== 'edit') return forbid('只有写这篇反思的老师可以引用教案中的段落')
  const target = await store.documents.findDocument(source.sourceDocumentId)
  const pointable =
    target?.lessonId === reflection.lessonId && (target?.kind === 'lesson-plan' || target?.kind === 'adaptation')
  if (!target || !pointable || !documentAccess(actor, await documentContextOf(store, target))) {
    return reject('只能引用本课的导学案或二次备课中的段落')
  }
  const blocks = blocksOfState(await currentState(context, target.id), editorSchema)
  const block = blocks.find((candidate) => candidate.key === source.blockKey)
  if (!block) return reject('引用的段落已不存在，请重新选择')
  const { id, sourceDocumentId, blockKey, section, quote } = await store.adaptations.addReflectionReference({
    reflectionId,
    sourceDocumentId: target.id,
    blockKey: block.key,
    section: block.section,
    quote: block.text,
  })
  return succeed({ id, sourceDocumentId, blockKey, section, quote })
}
