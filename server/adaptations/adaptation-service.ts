/**
 * 二次备课: a teacher's personal adaptation of a finalized version. It is created as a fork of the
 * version's Yjs state, so pulling a newer version is a real merge that keeps every personal edit;
 * passages both sides changed stay as the teacher wrote them and are flagged, the shared version
 * beside them, until she decides (`shared/adaptation/pull.ts`, docs/ADAPTATION.md). The plan's
 * threads stay on the plan: the fork and every pull leave them out (`fork.ts`).
 */
import type { Actor } from '../../shared/access.ts'
import type {
  AdaptationDetail,
  AdaptationSummary,
  ConflictChoice,
  ConflictShape,
  VersionSummary,
} from '../../shared/api/versions.ts'
import { versionName } from '../../shared/api/versions.ts'
import { inDocumentOrder } from '../../shared/adaptation/conflict-order.ts'
import { rewriteBlockUpdate } from '../../shared/adaptation/document-changes.ts'
import { forkState } from '../../shared/adaptation/fork.ts'
import { pullVersion } from '../../shared/adaptation/pull.ts'
import { countChanges, diffBlocks } from '../../shared/versions/block-diff.ts'
import { type Block, blocksOfState } from '../../shared/versions/document-blocks.ts'
import { documentAccess } from '../../shared/workflow/document-access.ts'
import type { DocumentRecord } from '../store/store.ts'
import type { AdaptationRecord, ConflictRecord, VersionRecord } from '../store/version-records.ts'
import { documentContextOf } from '../workflow/document-context.ts'
import { forbid, missing, type Outcome, reject, succeed } from '../workflow/outcome.ts'
import { applyChange, type ContentContext, currentState } from '../versions/document-content.ts'
import { peopleOf, personOf } from '../versions/people.ts'
import { editorSchema, lessonAllowing, versionSummaries } from '../versions/version-service.ts'

const noSuchAdaptation = () => missing('没有这份二次备课')

export async function createAdaptation(
  context: ContentContext,
  lessonId: string,
  actor: Actor,
  versionId: string | undefined,
): Promise<Outcome<AdaptationDetail>> {
  const { store } = context
  const allowed = await lessonAllowing(store, lessonId, actor, 'adapt')
  if (!allowed.ok) return allowed
  const lesson = allowed.value
  const existing = await adaptationOfTeacher(context, lessonId, actor.userId)
  if (existing) return succeed(await detailFor(context, existing, actor))
  const versions = await store.versions.listVersions(lessonId)
  const version = versionId === undefined ? versions.at(-1) : versions.find((candidate) => candidate.id === versionId)
  if (!version) return reject(versionId === undefined ? '这节课还没有定稿版本' : '这节课没有这个定稿版本')
  const state = await store.versions.versionState(version.id)
  if (!state) return reject('这节课没有这个定稿版本')
  const teacher = await store.accounts.findUserById(actor.userId)
  try {
    await store.adaptations.createLessonDocument(
      {
        lessonId,
        schoolId: lesson.schoolId,
        groupId: lesson.groupId,
        kind: 'adaptation',
        title: `${lesson.title}（${teacher?.displayName ?? ''}的二次备课）`,
        createdBy: actor.userId,
        initialState: forkState(state),
      },
      version.id,
    )
  } catch (error) {
    // Two clicks at once: the other one created it.
    if (!(await adaptationOfTeacher(context, lessonId, actor.userId))) throw error
  }
  const created = await adaptationOfTeacher(context, lessonId, actor.userId)
  return created ? succeed(await detailFor(context, created, actor)) : noSuchAdaptation()
}

async function adaptationOfTeacher(context: ContentContext, lessonId: string, teacherId: string) {
  const adaptations = await context.store.adaptations.listAdaptations(lessonId)
  return adaptations.find((adaptation) => adaptation.teacherId === teacherId) ?? null
}

export async function listLessonAdaptations(
  context: ContentContext,
  lessonId: string,
  actor: Actor,
): Promise<Outcome<AdaptationSummary[]>> {
  const allowed = await lessonAllowing(context.store, lessonId, actor, 'view')
  if (!allowed.ok) return allowed
  const summaries: AdaptationSummary[] = []
  const versions = await lessonVersions(context, lessonId)
  for (const adaptation of await context.store.adaptations.listAdaptations(lessonId)) {
    const document = await context.store.documents.findDocument(adaptation.documentId)
    if (!document || !documentAccess(actor, await documentContextOf(context.store, document))) continue
    const { changes, conflicts, ...summary } = await detailOf(context, adaptation, versions)
    summaries.push(summary)
  }
  return succeed(summaries)
}

export async function showAdaptation(
  context: ContentContext,
  documentId: string,
  actor: Actor,
): Promise<Outcome<AdaptationDetail>> {
  const found = await adaptationFor(context, documentId, actor, 'view')
  if (!found.ok) return found
  return succeed({ ...(await detailOf(context, found.value.adaptation)), editable: found.value.editable })
}

/**
 * Takes the lesson's newest version into the adaptation and flags the passages both sides changed.
 * Merging the version is idempotent, but the flagged passages are not: the base moves only from the
 * version the pull started at, so of two pulls at once the second finds nothing left to do.
 */
export function pullNewestVersion(
  context: ContentContext,
  documentId: string,
  actor: Actor,
): Promise<Outcome<AdaptationDetail>> {
  return context.registry.exclusive(documentId, async () => {
    const found = await adaptationFor(context, documentId, actor, 'edit')
    if (!found.ok) return found
    const { adaptation } = found.value
    const { store } = context
    const newest = (await store.versions.listVersions(adaptation.lessonId)).at(-1)
    const base = await store.versions.findVersion(adaptation.baseVersionId)
    if (!newest || !base || newest.number <= base.number)
      return succeed({ ...(await detailOf(context, adaptation)), editable: true })
    const [baseState, newestState] = await Promise.all([
      store.versions.versionState(base.id),
      store.versions.versionState(newest.id),
    ])
    if (!baseState || !newestState) return missing('没有这个定稿版本')
    const pulled = pullVersion(baseState, newestState, await currentState(context, documentId), editorSchema)
    await applyChange(context, documentId, pulled.update)
    const recorded = await store.adaptations.recordPull(
      documentId,
      base.id,
      newest.id,
      pulled.conflicts.map((spot) => ({
        blockKey: spot.key,
        section: spot.section,
        baseText: spot.base.text,
        mineJson: spot.mine?.json ?? null,
        sharedJson: spot.shared?.json ?? null,
        afterKey: spot.afterKey,
      })),
    )
    // Another server pulled first; what this one merged was the same version's changes, already there.
    if (!recorded) return forbid(`这份二次备课刚刚已经更新到${versionName(newest.number)}了，请刷新后再看`)
    const updated = await store.adaptations.findAdaptation(documentId)
    return updated ? succeed({ ...(await detailOf(context, updated)), editable: true }) : noSuchAdaptation()
  })
}

/**
 * Settles a flagged passage (ADAPT-4): 采用共享版 rewrites it to the shared version through an ordinary
 * edit; 保留我的 and 已处理 only record the decision, since the passage is hers already (the pull kept
 * it), with whatever she typed into it since. The passage is claimed before it is rewritten, so a
 * second click is refused before it changes anything.
 */
export function resolveConflict(
  context: ContentContext,
  documentId: string,
  conflictId: string,
  choice: ConflictChoice,
  actor: Actor,
): Promise<Outcome<AdaptationDetail>> {
  return context.registry.exclusive(documentId, async () => {
    const found = await adaptationFor(context, documentId, actor, 'edit')
    if (!found.ok) return found
    const { store } = context
    const conflict = (await store.adaptations.listConflicts(documentId)).find(
      (candidate) => candidate.id === conflictId,
    )
    if (!conflict) return missing('没有这处需要决定的地方')
    if (conflict.status !== 'open' || !(await store.adaptations.resolveConflict(conflictId, choice, actor.userId))) {
      return reject('这处已经处理过了')
    }
    if (choice === 'shared') {
      const state = await currentState(context, documentId)
      const update = rewriteBlockUpdate(state, conflict.blockKey, conflict.sharedJson, conflict.afterKey, editorSchema)
      if (update) await applyChange(context, documentId, update)
    }
    return succeed({ ...(await detailOf(context, found.value.adaptation)), editable: true })
  })
}

/**
 * The adaptation, if `actor` may see it (`view`) or change it (`edit`: its own teacher, until the
 * lesson is archived), and whether `actor` may change it.
 */
async function adaptationFor(
  context: ContentContext,
  documentId: string,
  actor: Actor,
  need: 'view' | 'edit',
): Promise<Outcome<{ adaptation: AdaptationRecord; document: DocumentRecord; editable: boolean }>> {
  const [adaptation, document] = await Promise.all([
    context.store.adaptations.findAdaptation(documentId),
    context.store.documents.findDocument(documentId),
  ])
  if (!adaptation || !document) return noSuchAdaptation()
  const access = documentAccess(actor, await documentContextOf(context.store, document))
  if (!access) return noSuchAdaptation()
  const own = actor.userId === adaptation.teacherId
  if (need === 'edit') {
    if (!own) return forbid('只有这份二次备课的老师本人可以修改它')
    if (access !== 'edit') return forbid('这节课已经归档，二次备课不能再修改')
  }
  return succeed({ adaptation, document, editable: own && access === 'edit' })
}

async function detailFor(
  context: ContentContext,
  adaptation: AdaptationRecord,
  actor: Actor,
): Promise<AdaptationDetail> {
  const found = await adaptationFor(context, adaptation.documentId, actor, 'view')
  return { ...(await detailOf(context, adaptation)), editable: found.ok && found.value.editable }
}

/** What every adaptation of one lesson shares: its versions, read once per request. */
interface LessonVersions {
  records: VersionRecord[]
  summaries: VersionSummary[]
  /** Blocks of each version's state, parsed on first use. */
  blocks: Map<string, Block[]>
}

async function lessonVersions(context: ContentContext, lessonId: string): Promise<LessonVersions> {
  const records = await context.store.versions.listVersions(lessonId)
  return { records, summaries: await versionSummaries(context.store, records), blocks: new Map() }
}

async function versionBlocks(
  context: ContentContext,
  versions: LessonVersions,
  versionId: string,
): Promise<Block[] | null> {
  const cached = versions.blocks.get(versionId)
  if (cached) return cached
  const state = await context.store.versions.versionState(versionId)
  if (!state) return null
  const blocks = blocksOfState(state, editorSchema)
  versions.blocks.set(versionId, blocks)
  return blocks
}

async function detailOf(
  context: ContentContext,
  adaptation: AdaptationRecord,
  versions?: LessonVersions,
): Promise<Omit<AdaptationDetail, 'editable'>> {
  const { store } = context
  const known = versions ?? (await lessonVersions(context, adaptation.lessonId))
  const baseIndex = known.records.findIndex((version) => version.id === adaptation.baseVersionId)
  const mine = blocksOfState(await currentState(context, adaptation.documentId), editorSchema)
  const changes = diffBlocks((await versionBlocks(context, known, adaptation.baseVersionId)) ?? mine, mine)
  const conflicts = inDocumentOrder(
    await store.adaptations.listConflicts(adaptation.documentId),
    mine.map((block) => block.key),
  )
  const teacher = personOf(await peopleOf(store, [adaptation.teacherId]), adaptation.teacherId)
  return {
    documentId: adaptation.documentId,
    lessonId: adaptation.lessonId,
    title: adaptation.title,
    teacher,
    baseVersion: known.summaries[baseIndex]!,
    newerVersion: baseIndex < known.records.length - 1 ? known.summaries.at(-1)! : null,
    changeCount: countChanges(changes),
    openConflicts: conflicts.filter((conflict) => conflict.status === 'open').length,
    changes,
    conflicts: conflicts.map((conflict) => conflictShape(conflict, known.records)),
  }
}

function conflictShape(conflict: ConflictRecord, versions: readonly VersionRecord[]): ConflictShape {
  return {
    id: conflict.id,
    section: conflict.section,
    baseText: conflict.baseText,
    mineText: conflict.mineJson === null ? null : textOf(conflict.mineJson),
    sharedText: conflict.sharedJson === null ? null : textOf(conflict.sharedJson),
    toVersionNumber: versions.find((version) => version.id === conflict.toVersionId)?.number ?? 0,
    status: conflict.status,
  }
}

/** The plain text of a block's ProseMirror JSON. */
function textOf(json: Record<string, unknown>): string {
  if (typeof json['text'] === 'string') return json['text']
  const content = json['content']
  return Array.isArray(content) ? content.map((child) => textOf(child as Record<string, unknown>)).join('') : ''
}
