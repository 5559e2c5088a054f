/**
 * What can be exported, loaded and checked: a 定稿 version, or a document (the shared plan at any
 * stage, a 二次备课, a 课后反思, a 同课异构 design). Whoever may read it may export it: the same
 * checks as showing it (`lessonAllowing` with `view`, `documentAccess`), so lessons and documents of
 * other schools do not exist here either.
 */
import type { Actor } from '../../shared/access.ts'
import { versionName } from '../../shared/api/versions.ts'
import { type Edition, editionLabels, type ExportDocument } from '../../shared/export/export-model.ts'
import { documentAccess } from '../../shared/workflow/document-access.ts'
import { stageLabels } from '../../shared/workflow/stages.ts'
import type { DocumentRecord } from '../store/store.ts'
import { type ContentContext, currentState } from '../versions/document-content.ts'
import { lessonAllowing } from '../versions/version-service.ts'
import { documentContextOf } from '../workflow/document-context.ts'
import { missing, type Outcome, succeed } from '../workflow/outcome.ts'
import { blockSourceLabels } from '../library/block-sources.ts'
import { blockSourcesOfState, exportOfState } from './document-export.ts'

const noSuchDocument = () => missing('没有这份文档')

/** The 来源 of the copied blocks, named for the reader: the 教师版 prints them (LIBRARY-11). */
async function sourceLabelsOf(
  store: ContentContext['store'],
  actor: Actor,
  state: Uint8Array,
  edition: Edition,
): Promise<{ sourceLabels?: ReadonlyMap<string, string> }> {
  if (edition !== 'teacher') return {}
  const sources = blockSourcesOfState(state)
  return sources.length === 0 ? {} : { sourceLabels: await blockSourceLabels(store, actor, sources) }
}

/** An export and the name its file gets, without extension: 课题-学生版, or the reflection's title. */
export interface TitledExport {
  model: ExportDocument
  fileTitle: string
}

function titled(model: ExportDocument, withEdition: boolean): TitledExport {
  return { model, fileTitle: withEdition ? `${model.title}-${editionLabels[model.edition]}` : model.title }
}

export async function versionExport(
  { store }: ContentContext,
  versionId: string,
  actor: Actor,
  edition: Edition,
): Promise<Outcome<TitledExport>> {
  const version = await store.versions.findVersion(versionId)
  if (!version) return missing('没有这个定稿版本')
  const lesson = await lessonAllowing(store, version.lessonId, actor, 'view')
  if (!lesson.ok) return lesson
  const state = await store.versions.versionState(version.id)
  if (!state) return missing('没有这个定稿版本')
  const subtitle = `${editionLabels[edition]} · ${versionName(version.number)}`
  const sources = await sourceLabelsOf(store, actor, state, edition)
  return succeed(titled(exportOfState(state, { edition, title: lesson.value.title, subtitle, ...sources }), true))
}

/** The document as it reads now. Reflections have no 学生版: they are always exported whole. */
export async function documentExport(
  context: ContentContext,
  documentId: string,
  actor: Actor,
  edition: Edition,
): Promise<Outcome<TitledExport>> {
  const { store } = context
  const document = await store.documents.findDocument(documentId)
  if (!document || !documentAccess(actor, await documentContextOf(store, document))) return noSuchDocument()
  const lesson = document.lessonId ? await lessonAllowing(store, document.lessonId, actor, 'view') : null
  if (lesson && !lesson.ok) return lesson
  const state = await currentState(context, documentId)
  const title = lesson?.value.title ?? document.title
  // A reflection prints whole, as the 教师版.
  const sources = await sourceLabelsOf(store, actor, state, document.kind === 'reflection' ? 'teacher' : edition)
  switch (document.kind) {
    case 'adaptation':
      return adaptationExport(context, document, state, edition, title, sources)
    case 'reflection':
      return succeed(
        titled(
          {
            ...exportOfState(state, { edition: 'teacher', title: document.title, subtitle: '课后反思', ...sources }),
            singleEdition: true,
          },
          false,
        ),
      )
    case 'variant':
      return succeed(
        titled(
          exportOfState(state, {
            edition,
            title: document.title,
            subtitle: `${editionLabels[edition]} · 同课异构`,
            ...sources,
          }),
          true,
        ),
      )
    default: {
      const stage = lesson ? `${stageLabels[lesson.value.stage]}阶段的共享导学案` : '导学案'
      return succeed(
        titled(
          exportOfState(state, { edition, title, subtitle: `${editionLabels[edition]} · ${stage}`, ...sources }),
          true,
        ),
      )
    }
  }
}

async function adaptationExport(
  { store }: ContentContext,
  document: DocumentRecord,
  state: Uint8Array,
  edition: Edition,
  title: string,
  sources: { sourceLabels?: ReadonlyMap<string, string> },
): Promise<Outcome<TitledExport>> {
  const adaptation = await store.adaptations.findAdaptation(document.id)
  if (!adaptation) return noSuchDocument()
  const [base, teacher] = await Promise.all([
    store.versions.findVersion(adaptation.baseVersionId),
    store.accounts.findUserById(adaptation.teacherId),
  ])
  const baseState = base ? await store.versions.versionState(base.id) : null
  const basedOn = base ? `（基于${versionName(base.number)}）` : ''
  const teacherName = teacher?.displayName ?? ''
  const model = exportOfState(state, {
    edition,
    title,
    subtitle: `${editionLabels[edition]} · ${teacherName}的二次备课${basedOn}`,
    ...(baseState ? { baseState } : {}),
    ...sources,
  })
  return succeed({ model, fileTitle: `${title}-${teacherName}的二次备课-${editionLabels[edition]}` })
}
