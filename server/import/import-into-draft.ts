/**
 * 从 Word 导入 by the 主备人: an existing lesson's 初稿, still as the template left it, becomes the
 * uploaded .docx. Only a draft nobody has written in is replaced, so an import never overwrites work;
 * the header keeps what the 备课计划 filled in, completed by the file's. The change goes through the
 * document's room, so an open editor shows it at once.
 */
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import * as Y from 'yjs'
import type { Actor } from '../../shared/access.ts'
import { importedLessonPlan } from '../../shared/import/imported-plan.ts'
import { type HeaderValues, isHeaderFieldKey } from '../../shared/schema/header-fields.ts'
import { buildEditorSchema, contentFragmentName } from '../../shared/schema/editor-schema.ts'
import { decide } from '../../shared/workflow/lesson-rules.ts'
import { schoolTemplate } from '../template/new-lesson-plan.ts'
import { applyChange, currentState } from '../versions/document-content.ts'
import { lessonContextOf } from '../workflow/lesson-context.ts'
import { forbid, type Outcome, reject, succeed } from '../workflow/outcome.ts'
import { noSuchLesson, type WorkflowContext } from '../workflow/stage-change.ts'
import type { ImportedPlanEntry } from './import-plan-entry.ts'
import { storeImportedImages } from './imported-images.ts'
import { readDocx } from './read-docx.ts'

const schema = buildEditorSchema()

/** Nothing written yet: every section (or loose block) without text or image. */
export function isUnwritten(doc: ProseMirrorNode): boolean {
  let written = false
  doc.forEach((child) => {
    if (child.type.name === 'lessonHeader') return
    if (child.textContent.trim() !== '') written = true
    child.descendants((node) => {
      if (node.type.name === 'image') written = true
      return !written
    })
  })
  return !written
}

function headerValuesOf(doc: ProseMirrorNode): HeaderValues {
  const values: HeaderValues = {}
  const header = doc.firstChild?.type.name === 'lessonHeader' ? doc.firstChild : null
  header?.forEach((field) => {
    const key: unknown = field.attrs.field
    if (isHeaderFieldKey(key) && field.textContent.trim()) values[key] = field.textContent.trim()
  })
  return values
}

/** Throws `ImportRefusal` for a file that cannot be imported. */
export async function importIntoDraft(
  context: WorkflowContext,
  actor: Actor,
  lessonId: string,
  file: Uint8Array,
): Promise<Outcome<Omit<ImportedPlanEntry, 'lesson'>>> {
  const { store } = context
  const lesson = await store.lessons.findLesson(lessonId)
  if (!lesson || lesson.schoolId !== actor.schoolId) return noSuchLesson()
  const decision = decide('edit', actor, await lessonContextOf(store, lesson))
  if (!decision.allowed) return forbid(decision.reason)
  if (lesson.stage !== 'draft') return forbid('只有主备阶段的初稿可以从 Word 导入')

  const { lesson: imported, images, unkept } = await readDocx(file, await schoolTemplate(store, lesson.schoolId))
  // Read, check and replace under the document's lock, so two imports at once cannot both see it unwritten.
  const refusal = await context.registry.exclusive(lesson.documentId, async () => {
    const ydoc = new Y.Doc()
    try {
      Y.applyUpdate(ydoc, await currentState(context, lesson.documentId))
      const fragment = ydoc.getXmlFragment(contentFragmentName)
      const draft = yXmlFragmentToProseMirrorRootNode(fragment, schema)
      if (!isUnwritten(draft)) {
        return reject(
          '初稿已经写了内容，导入不会覆盖它。可以把 Word 里的内容复制后粘贴进初稿，或由组长在备课计划中“从 Word 导入”新建一节课',
        )
      }
      const json = importedLessonPlan(imported, headerValuesOf(draft))
      const content = schema.nodeFromJSON(json)
      content.check()
      await storeImportedImages(store, actor, lesson.documentId, json, images)
      const before = Y.encodeStateVector(ydoc)
      prosemirrorToYXmlFragment(content, fragment)
      await applyChange(context, lesson.documentId, Y.encodeStateAsUpdate(ydoc, before))
      return null
    } finally {
      ydoc.destroy()
    }
  })
  if (refusal) return refusal
  return succeed({ outline: imported.outline, unkept })
}
