/**
 * Content of a new draft on the server: the school's template (or the default) turned into the first
 * Yjs update of the document. The caller appends it to a freshly created document
 * (`store.updates.appendUpdates(document.id, [update])`), before anyone can have the document open.
 */
import type { JSONContent } from '@tiptap/core'
import { prosemirrorToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { HeaderValues } from '../../shared/schema/header-fields.ts'
import { buildEditorSchema, contentFragmentName } from '../../shared/schema/editor-schema.ts'
import { buildLessonPlan } from '../../shared/template/build-lesson-plan.ts'
import { defaultLessonTemplate } from '../../shared/template/default-template.ts'
import { type LessonTemplate, lessonTemplate } from '../../shared/template/lesson-template.ts'
import type { Store } from '../store/store.ts'

const schema = buildEditorSchema()

/** The template new drafts of the school start from. */
export async function schoolTemplate(store: Pick<Store, 'templates'>, schoolId: string): Promise<LessonTemplate> {
  const saved = await store.templates.findTemplate(schoolId)
  // Saved definitions were validated on the way in; parsing again keeps a hand-edited row from
  // producing drafts the editor cannot open.
  return saved === null ? defaultLessonTemplate : lessonTemplate.parse(saved.definition)
}

/** The first update of a new 导学案 draft of `schoolId`, its header filled with `headerValues`. */
export async function newLessonPlanUpdate(
  store: Pick<Store, 'templates'>,
  schoolId: string,
  headerValues: HeaderValues,
): Promise<Uint8Array> {
  return documentUpdateOf(buildLessonPlan(await schoolTemplate(store, schoolId), headerValues))
}

/** ProseMirror JSON as one Yjs update of the content fragment; throws if it does not fit the schema. */
export function documentUpdateOf(content: JSONContent): Uint8Array {
  const node = schema.nodeFromJSON(content)
  node.check()
  const doc = prosemirrorToYDoc(node, contentFragmentName)
  try {
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}
