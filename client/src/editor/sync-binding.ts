/**
 * The Yjs side of the editor's sync binding: the content fragment, its doc, and which Yjs type each
 * ProseMirror node came from. y-tiptap declares its plugin key `PluginKey<any>`; this says what the
 * state behind it holds.
 */
import type { EditorState, PluginKey } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import type { ProsemirrorMapping } from '../../../shared/schema/y-prosemirror.ts'

export interface BoundContent {
  doc: Y.Doc
  type: Y.XmlFragment
  mapping: ProsemirrorMapping
}

/** The content `state`'s editor is bound to; `null` in an editor without the binding. */
export function boundContentOf(state: EditorState): BoundContent | null {
  const binding = (ySyncPluginKey as PluginKey<{ binding?: BoundContent }>).getState(state)?.binding
  return binding?.doc ? binding : null
}
