/**
 * Keeps the local caret and text selection on the words they were on when a colleague's change
 * arrives (docs/EDITING.md, EDIT-1). The Yjs binding redraws the whole document for each remote
 * change and restores the selection itself, but it takes any change to the text of the caret's
 * paragraph for a misplaced position and puts the caret back at its old offset, so the next keystroke
 * lands inside the colleague's words. This plugin takes the selection's anchors before every remote
 * Yjs transaction and places the selection again from them right after the binding's redraw.
 *
 * Undo and redo are left to the binding: it restores the selection the undone change was made from.
 */
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { type CaretAnchor, anchorCaret, placeCaret } from './caret-anchor.ts'
import { type BoundContent, boundContentOf } from './sync-binding.ts'

interface HeldSelection {
  doc: ProseMirrorNode
  anchor: CaretAnchor
  head: CaretAnchor
}

interface SyncMeta {
  isChangeOrigin?: boolean
  isUndoRedoOperation?: boolean
}

const keepCaretKey = new PluginKey('keepCaret')

function keepCaretPlugin(): Plugin {
  let held: HeldSelection | null = null

  const hold = (view: EditorView, content: BoundContent) => {
    const { selection, doc } = view.state
    if (!(selection instanceof TextSelection)) return
    try {
      held = { doc, anchor: anchorCaret(content, selection.anchor), head: anchorCaret(content, selection.head) }
    } catch (error) {
      // The binding cannot map this position yet; its own restore then stands.
      console.warn('could not anchor the selection:', error)
    }
  }

  return new Plugin({
    key: keepCaretKey,
    view(view) {
      const content = boundContentOf(view.state)
      if (!content) return {}
      // The first transaction of a batch sees the editor and the Yjs content in step; the binding's
      // own writes (the editor already ahead) are local and need no restore.
      const beforeTransaction = (transaction: Y.Transaction) => {
        if (held === null && transaction.origin !== ySyncPluginKey) hold(view, content)
      }
      const afterAllTransactions = () => {
        held = null
      }
      content.doc.on('beforeTransaction', beforeTransaction)
      content.doc.on('afterAllTransactions', afterAllTransactions)
      return {
        destroy() {
          content.doc.off('beforeTransaction', beforeTransaction)
          content.doc.off('afterAllTransactions', afterAllTransactions)
        },
      }
    },
    appendTransaction(transactions: readonly Transaction[], _oldState: EditorState, state: EditorState) {
      const meta = transactions
        .map((tr) => tr.getMeta(ySyncPluginKey) as SyncMeta | undefined)
        .find((m) => m?.isChangeOrigin)
      const content = boundContentOf(state)
      if (!held || !meta || meta.isUndoRedoOperation || !content) return null
      const { doc: before } = held
      const place = (anchor: CaretAnchor) => placeCaret(content, anchor, before, state.doc)
      const anchor = place(held.anchor) ?? place(held.head)
      const head = place(held.head) ?? anchor
      if (anchor === null || head === null) return null
      if (state.selection.anchor === anchor && state.selection.head === head) return null
      const selection = TextSelection.between(state.doc.resolve(anchor), state.doc.resolve(head))
      return state.tr
        .setSelection(selection)
        .setMeta('addToHistory', false)
        .setMeta(ySyncPluginKey, { isChangeOrigin: true })
    },
  })
}

/** After Collaboration: it works from the sync plugin's binding. */
export const KeepCaret = Extension.create({
  name: 'keepCaret',
  addProseMirrorPlugins() {
    return [keepCaretPlugin()]
  },
})
