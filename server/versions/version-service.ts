/**
 * 定稿 versions of a lesson: list, show, compare, restore. Showing and comparing need only `view`;
 * restoring is an edit of the shared plan and needs `edit` at the lesson's current stage.
 */
import type { Actor } from '../../shared/access.ts'
import type { RestoreResult, VersionComparison, VersionContent, VersionSummary } from '../../shared/api/versions.ts'
import { versionName } from '../../shared/api/versions.ts'
import { restoreUpdate } from '../../shared/adaptation/document-changes.ts'
import { buildEditorSchema } from '../../shared/schema/editor-schema.ts'
import { countChanges, diffBlocks } from '../../shared/versions/block-diff.ts'
import { blocksOfState, bodyJsonOfState } from '../../shared/versions/document-blocks.ts'
import { decide, type LessonAction } from '../../shared/workflow/lesson-rules.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { Store } from '../store/store.ts'
import type { VersionRecord } from '../store/version-records.ts'
import { lessonContextOf } from '../workflow/lesson-context.ts'
import { noSuchLesson } from '../workflow/stage-change.ts'
import { forbid, missing, type Outcome, succeed } from '../workflow/outcome.ts'
import { applyChange, type ContentContext, currentState } from './document-content.ts'
import { peopleOf, personOf } from './people.ts'

export const editorSchema = buildEditorSchema()

const noSuchVersion = () => missing('没有这个定稿版本')

/** The lesson, if it exists and the rules let `actor` do `action` with it. */
export async function lessonAllowing(
  store: Pick<Store, 'lessons' | 'mentorships' | 'versions'>,
  lessonId: string,
  actor: Actor,
  action: LessonAction,
): Promise<Outcome<LessonRecord>> {
  const lesson = await store.lessons.findLesson(lessonId)
  // Lessons of other schools do not exist for this user.
  if (!lesson || lesson.schoolId !== actor.schoolId) return noSuchLesson()
  const decision = decide(action, actor, await lessonContextOf(store, lesson))
  return decision.allowed ? succeed(lesson) : forbid(decision.reason)
}

export async function versionSummaries(
  store: Pick<Store, 'accounts'>,
  versions: readonly VersionRecord[],
): Promise<VersionSummary[]> {
  const people = await peopleOf(
    store,
    versions.map((version) => version.createdBy),
  )
  return versions.map((version) => ({
    id: version.id,
    lessonId: version.lessonId,
    number: version.number,
    name: versionName(version.number),
    createdBy: personOf(people, version.createdBy),
    createdAt: version.createdAt.toISOString(),
  }))
}

export async function summaryOf(store: Pick<Store, 'accounts'>, version: VersionRecord): Promise<VersionSummary> {
  const [summary] = await versionSummaries(store, [version])
  return summary!
}

export async function listLessonVersions(
  store: Pick<Store, 'accounts' | 'lessons' | 'mentorships' | 'versions'>,
  lessonId: string,
  actor: Actor,
): Promise<Outcome<VersionSummary[]>> {
  const lesson = await lessonAllowing(store, lessonId, actor, 'view')
  if (!lesson.ok) return lesson
  return succeed(await versionSummaries(store, await store.versions.listVersions(lessonId)))
}

/** The version, its state, and its lesson, if `actor` may do `action` with that lesson. */
async function versionAllowing(
  store: Pick<Store, 'lessons' | 'mentorships' | 'versions'>,
  versionId: string,
  actor: Actor,
  action: LessonAction,
) {
  const version = await store.versions.findVersion(versionId)
  if (!version) return noSuchVersion()
  const lesson = await lessonAllowing(store, version.lessonId, actor, action)
  if (!lesson.ok) return lesson
  const state = await store.versions.versionState(versionId)
  if (!state) return noSuchVersion()
  return succeed({ version, state, lesson: lesson.value })
}

export async function showVersion(
  store: Pick<Store, 'accounts' | 'lessons' | 'mentorships' | 'versions'>,
  versionId: string,
  actor: Actor,
): Promise<Outcome<VersionContent>> {
  const found = await versionAllowing(store, versionId, actor, 'view')
  if (!found.ok) return found
  return succeed({
    version: await summaryOf(store, found.value.version),
    content: bodyJsonOfState(found.value.state, editorSchema),
  })
}

export async function compareVersions(
  store: Pick<Store, 'accounts' | 'lessons' | 'mentorships' | 'versions'>,
  fromId: string,
  toId: string,
  actor: Actor,
): Promise<Outcome<VersionComparison>> {
  const from = await versionAllowing(store, fromId, actor, 'view')
  if (!from.ok) return from
  const to = await versionAllowing(store, toId, actor, 'view')
  if (!to.ok) return to
  if (from.value.version.lessonId !== to.value.version.lessonId) return missing('这两个版本不属于同一节课')
  const changes = diffBlocks(blocksOfState(from.value.state, editorSchema), blocksOfState(to.value.state, editorSchema))
  const [fromSummary, toSummary] = await versionSummaries(store, [from.value.version, to.value.version])
  return succeed({ from: fromSummary!, to: toSummary!, changes, changeCount: countChanges(changes) })
}

/**
 * Makes the shared plan read like the version again, as new changes on top of its history: the
 * versions and everything typed since stay as they were, and open editors see the change live.
 */
export async function restoreVersion(
  context: ContentContext,
  versionId: string,
  actor: Actor,
): Promise<Outcome<RestoreResult>> {
  const version = await context.store.versions.findVersion(versionId)
  if (!version) return noSuchVersion()
  // Decided inside too: a 定稿 that got there first has frozen the plan.
  return context.registry.exclusive(version.documentId, async () => {
    const found = await versionAllowing(context.store, versionId, actor, 'edit')
    if (!found.ok) return found
    const { lesson, state } = found.value
    const update = restoreUpdate(await currentState(context, lesson.documentId), state, editorSchema)
    if (update) await applyChange(context, lesson.documentId, update)
    return succeed({ changed: update !== null })
  })
}
