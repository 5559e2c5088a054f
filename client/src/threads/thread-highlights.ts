/**
 * Threads drawn in the text (see thread-ranges.ts), and a click on a highlighted passage opening its
 * thread. The decorations are computed anew whenever the Yjs side moved: a remote or undone edit (the
 * sync plugin rebuilt its mapping for that transaction), a change to the threads, another selected
 * thread. A local keystroke only maps them, since the sync binding updates its mapping after it.
 */
import { Extension } from '@tiptap/core'
import { type EditorState, Plugin, PluginKey, type Selection, TextSelection, type Transaction } from '@tiptap/pm/state'
import { DecorationSet, type EditorView } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import { boundContentOf } from '../editor/sync-binding.ts'
import { threadDecorations, threadRanges } from './thread-ranges.ts'

/** What the page beside the editor gives it: whom to tell of a click, and the authors' colours. */
export interface ThreadHooks {
  /** A highlighted passage was clicked. */
  onOpen: (threadId: string) => void
  colorOf: (userId: string) => string
}

export interface ThreadHighlightsOptions extends ThreadHooks {
  doc: Y.Doc | null
}

interface HighlightState {
  selectedId: string | null
  decorations: DecorationSet
}

type HighlightMeta = { refresh: true } | { selectedId: string | null }

export const threadHighlightsKey = new PluginKey<HighlightState>('threadHighlights')

/** Marks the thread the panel shows as selected (or none). */
export function selectThreadInText(view: EditorView, threadId: string | null): void {
  if (threadHighlightsKey.getState(view.state)?.selectedId === threadId) return
  view.dispatch(view.state.tr.setMeta(threadHighlightsKey, { selectedId: threadId } satisfies HighlightMeta))
}

/** The selection the browser shows inside the editor, which may be newer than the editor state's. */
function selectionInPage(view: EditorView): Selection | null {
  const shown = view.dom.ownerDocument.getSelection()
  if (!shown?.anchorNode || !shown.focusNode) return null
  if (!view.dom.contains(shown.anchorNode) || !view.dom.contains(shown.focusNode)) return null
  try {
    const { doc } = view.state
    const anchor = doc.resolve(view.posAtDOM(shown.anchorNode, shown.anchorOffset))
    const head = doc.resolve(view.posAtDOM(shown.focusNode, shown.focusOffset))
    return TextSelection.between(anchor, head)
  } catch {
    // Inside something drawn over the text, e.g. a colleague's caret: no position of its own.
    return null
  }
}

/** Draws the threads again, e.g. once the authors' colours are known. */
export function refreshThreadHighlights(view: EditorView): void {
  view.dispatch(view.state.tr.setMeta(threadHighlightsKey, { refresh: true } satisfies HighlightMeta))
}

export const ThreadHighlights = Extension.create<ThreadHighlightsOptions>({
  name: 'threadHighlights',

  addOptions() {
    return { doc: null, onOpen: () => {}, colorOf: () => '#868e96' }
  },

  addProseMirrorPlugins() {
    const { doc, onOpen, colorOf } = this.options
    if (!doc) return []
    const compute = (state: EditorState, selectedId: string | null): DecorationSet => {
      const mapping = boundContentOf(state)?.mapping
      if (!mapping || mapping.size === 0) return DecorationSet.empty
      return threadDecorations(threadRanges(doc, mapping, selectedId), state.doc, { selectedId, colorOf })
    }
    return [
      new Plugin<HighlightState>({
        key: threadHighlightsKey,
        state: {
          init: () => ({ selectedId: null, decorations: DecorationSet.empty }),
          apply(tr: Transaction, previous: HighlightState, _old: EditorState, state: EditorState): HighlightState {
            const meta = tr.getMeta(threadHighlightsKey) as HighlightMeta | undefined
            const selectedId = meta && 'selectedId' in meta ? meta.selectedId : previous.selectedId
            if (meta || tr.getMeta(ySyncPluginKey) !== undefined)
              return { selectedId, decorations: compute(state, selectedId) }
            return tr.docChanged ? { selectedId, decorations: previous.decorations.map(tr.mapping, tr.doc) } : previous
          },
        },
        props: {
          decorations: (state) => threadHighlightsKey.getState(state)?.decorations,
          handleDOMEvents: {
            click: (view, event) => {
              const target = event.target instanceof Element ? event.target.closest('[data-thread-id]') : null
              if (!target || !view.dom.contains(target)) return false
              const clicked = selectionInPage(view)
              // Selecting words inside a highlighted passage, e.g. to comment on them too, opens nothing.
              if (clicked && !clicked.empty) return false
              const threadId = target.getAttribute('data-thread-id')!
              // Marking the thread redraws its passage, and ProseMirror then writes its own selection into
              // the page. It learns of the caret the click placed only a moment later, so that selection is
              // the one from before the click (on a document just opened, its very start): it is given the
              // clicked point in the same transaction.
              const tr = view.state.tr.setMeta(threadHighlightsKey, { selectedId: threadId } satisfies HighlightMeta)
              view.dispatch(clicked ? tr.setSelection(clicked) : tr)
              onOpen(threadId)
              return false
            },
          },
        },
        view: (view) => {
          let scheduled = false
          // Changes to threads alone do not go through the sync plugin.
          const onThreadsChanged = () => {
            if (scheduled) return
            scheduled = true
            queueMicrotask(() => {
              scheduled = false
              if (!view.isDestroyed) refreshThreadHighlights(view)
            })
          }
          threadsOf(doc).observeDeep(onThreadsChanged)
          return { destroy: () => threadsOf(doc).unobserveDeep(onThreadsChanged) }
        },
      }),
    ]
  },
})
