/**
 * 以此为底稿 (LIBRARY-3): a lesson's 初稿, still as the template left it, becomes the content of a 定稿
 * of any lesson the user may read, under its own header; the lesson records where it came from
 * (LIBRARY-4). Like an import, it never overwrites what someone wrote, and it goes through the
 * document's room, so an open editor shows it at once.
 */
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type { JSONContent } from '@tiptap/core'
import * as Y from 'yjs'
import type { Actor } from '../../shared/access.ts'
import type { LessonLineage } from '../../shared/api/library.ts'
import { decideStartFrom, draftFromVersion } from '../../shared/library/lineage.ts'
import { imageIdsOf, withImagesReplaced } from '../../shared/library/plan-images.ts'
import { buildEditorSchema, contentFragmentName } from '../../shared/schema/editor-schema.ts'
import { bodyJsonOfState } from '../../shared/versions/document-blocks.ts'
import { storedImageId } from '../../shared/images/image-url.ts'
import { adoptImages } from '../images/image-access.ts'
import { isUnwritten } from '../import/import-into-draft.ts'
import { applyChange, currentState } from '../versions/document-content.ts'
import { lessonContextOf } from '../workflow/lesson-context.ts'
import { forbid, missing, type Outcome, reject } from '../workflow/outcome.ts'
import { noSuchLesson } from '../workflow/stage-change.ts'
import type { LibraryContext } from './library-context.ts'
import { lessonLineage } from './lesson-lineage.ts'

const schema = buildEditorSchema()

export async function startDraftFromVersion(
  context: LibraryContext,
  actor: Actor,
  lessonId: string,
  versionId: string,
): Promise<Outcome<LessonLineage>> {
  const { store } = context
  const target = await store.lessons.findLesson(lessonId)
  if (!target || target.schoolId !== actor.schoolId) return noSuchLesson()
  const version = await store.versions.findVersion(versionId)
  const source = version ? await store.lessons.findLesson(version.lessonId) : null
  const state = version ? await store.versions.versionState(version.id) : null
  if (!version || !source || !state || source.schoolId !== actor.schoolId) return missing('没有这个定稿版本')
  const decision = decideStartFrom(
    actor,
    { ...(await lessonContextOf(store, target)), id: target.id },
    { ...(await lessonContextOf(store, source)), id: source.id },
  )
  if (!decision.allowed) return forbid(decision.reason)

  // Read, check and replace under the document's lock, so that two starts at once cannot both see it unwritten.
  const refusal = await context.registry.exclusive(target.documentId, async () => {
    const ydoc = new Y.Doc()
    try {
      Y.applyUpdate(ydoc, await currentState(context, target.documentId))
      const fragment = ydoc.getXmlFragment(contentFragmentName)
      const draft = yXmlFragmentToProseMirrorRootNode(fragment, schema)
      if (!isUnwritten(draft)) {
        return reject('初稿已经写了内容，以定稿为底稿不会覆盖它。可以打开定稿，把需要的部分复制到初稿里')
      }
      const body = draftFromVersion(draft.toJSON() as JSONContent, bodyJsonOfState(state, schema))
      const content = schema.nodeFromJSON(await withOwnImages(context, actor, target.documentId, body))
      content.check()
      const before = Y.encodeStateVector(ydoc)
      prosemirrorToYXmlFragment(content, fragment)
      await applyChange(context, target.documentId, Y.encodeStateAsUpdate(ydoc, before))
      // After the content: a failed write leaves an unwritten draft, never a source nothing was taken from.
      await store.library.recordDraftSource({
        lessonId: target.id,
        versionId: version.id,
        sourceLessonId: source.id,
        createdBy: actor.userId,
      })
      return null
    } finally {
      ydoc.destroy()
    }
  })
  if (refusal) return refusal
  return lessonLineage(store, actor, target.id)
}

/** The version's pictures copied to the draft, so that its readers see them (LIBRARY-3). */
async function withOwnImages(
  context: LibraryContext,
  actor: Actor,
  documentId: string,
  content: JSONContent,
): Promise<JSONContent> {
  const ids = imageIdsOf(content)
  if (ids.length === 0) return content
  const adopted = await adoptImages(context.store, actor, documentId, ids)
  if (!adopted.ok) return withImagesReplaced(content, new Map())
  return withImagesReplaced(
    content,
    new Map(adopted.value.map(({ from, image }) => [from, storedImageId(image.url) ?? image.id])),
  )
}
