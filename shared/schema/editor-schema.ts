/**
 * The one editor schema of a 导学案, used by the browser editor and by the server (demo content,
 * validation, later export/import) without a browser.
 *
 * Bump `editorSchemaVersion` whenever a node or mark changes in a way an older editor would corrupt;
 * the server refuses clients that connect with another version (close code `schemaMismatch`).
 */
import { type AnyExtension, getSchema } from '@tiptap/core'
import { TableKit } from '@tiptap/extension-table'
import StarterKit from '@tiptap/starter-kit'

export const editorSchemaVersion = 1

/** Name of the Y.XmlFragment that holds the document body. */
export const contentFragmentName = 'content'

/** Content extensions, without UI-only ones (collaboration, caret, placeholder). */
export function contentExtensions(): AnyExtension[] {
  return [
    // Undo is per user through Yjs, so the editor's own history must be off.
    StarterKit.configure({ undoRedo: false }),
    TableKit.configure({ table: { resizable: false } }),
  ]
}

export function buildEditorSchema() {
  return getSchema(contentExtensions())
}
