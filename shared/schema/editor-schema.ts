/**
 * The one editor schema of a 导学案, used by the browser editor and by the server (demo content,
 * validation, later export/import) without a browser.
 *
 * A 导学案 made from the template is `doc > lessonHeader > headerField{field}` (one line of text per
 * field, keys and labels in `header-fields.ts`), then `doc > section{key, title, hint, teacherOnly}`
 * holding ordinary blocks. Section titles are attributes, not text; their numbering (一、二、…) is
 * presentation, so an export numbers them itself. `teacherOnly` on a block or a section marks what the
 * 学生版 leaves out. Documents written before the template may hold loose blocks instead.
 *
 * Bump `editorSchemaVersion` whenever a node or mark changes in a way an older editor would corrupt;
 * the server refuses clients that connect with another version (close code `schemaMismatch`).
 */
import { type AnyExtension, Node, getSchema } from '@tiptap/core'
import { TableKit } from '@tiptap/extension-table'
import StarterKit from '@tiptap/starter-kit'
import { HeaderField, LessonHeader } from './lesson-header.ts'
import { LessonImage } from './lesson-image.ts'
import { LessonSection } from './lesson-section.ts'
import { TeacherOnly } from './teacher-only.ts'
import { BlockSourceAttribute } from './block-source.ts'

/**
 * 2: the header block, sections and the teacherOnly attribute. 3: the image block. 4: the blockSource
 * attribute (an older editor would drop it from a block it edits).
 */
export const editorSchemaVersion = 4

/** Name of the Y.XmlFragment that holds the document body. */
export const contentFragmentName = 'content'

/**
 * A 导学案 is its header, then its sections. Loose blocks stay allowed so that documents written before
 * sections existed still open; a paragraph comes first among the choices, so an empty document is one
 * empty paragraph, not an untitled section. No gap cursor between sections: typing there would put text
 * outside every section.
 */
const LessonDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: 'lessonHeader? (block | section)+',
  allowGapCursor: false,
})

/** Content extensions, without UI-only ones (collaboration, caret, placeholder). */
export function contentExtensions(): AnyExtension[] {
  return [
    // Undo is per user through Yjs, so the editor's own history must be off. No trailing paragraph:
    // after the last section it would be text outside every section.
    StarterKit.configure({ undoRedo: false, document: false, trailingNode: false }),
    LessonDocument,
    TableKit.configure({ table: { resizable: false } }),
    LessonHeader,
    HeaderField,
    LessonSection,
    TeacherOnly,
    BlockSourceAttribute,
    LessonImage,
  ]
}

export function buildEditorSchema() {
  return getSchema(contentExtensions())
}
