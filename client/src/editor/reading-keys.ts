/**
 * KEYS-1. A read-only text can be read and selected by keyboard: a teacher with comment-only access
 * reaches it with Tab, moves a caret with the arrows (Ctrl or Alt + arrow: by word; Home/End: to the
 * line's ends, with Ctrl to the text's) and selects with Shift, then comments on the selection (Ctrl+Alt+M, or Tab to 批注).
 *
 * ProseMirror makes a read-only editor a `contenteditable="false"` element, which the browser gives no
 * caret and no Tab stop. Making it editable and refusing every change would let an input method write
 * into the page anyway, so the text stays non-editable: the browser's own `Selection.modify` moves the
 * selection (it knows lines and words in every script), ProseMirror reads it back as it does a mouse
 * selection, and a drawn caret shows where a collapsed selection is.
 */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, type Selection as EditorSelection, TextSelection } from '@tiptap/pm/state'
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view'

type Direction = 'forward' | 'backward'
type Granularity = 'character' | 'word' | 'line' | 'lineboundary' | 'documentboundary'

const readingCaretKey = new PluginKey<boolean>('readingCaret')

/** How a key moves the selection in a read-only text, or null for a key it leaves alone. */
export function readingMove(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey'>,
): { direction: Direction; granularity: Granularity } | null {
  const byWord = event.ctrlKey || event.altKey
  switch (event.key) {
    case 'ArrowLeft':
      return { direction: 'backward', granularity: byWord ? 'word' : 'character' }
    case 'ArrowRight':
      return { direction: 'forward', granularity: byWord ? 'word' : 'character' }
    case 'ArrowUp':
      return { direction: 'backward', granularity: 'line' }
    case 'ArrowDown':
      return { direction: 'forward', granularity: 'line' }
    case 'Home':
      return { direction: 'backward', granularity: event.ctrlKey ? 'documentboundary' : 'lineboundary' }
    case 'End':
      return { direction: 'forward', granularity: event.ctrlKey ? 'documentboundary' : 'lineboundary' }
    default:
      return null
  }
}

function moveSelection(view: EditorView, event: KeyboardEvent): boolean {
  const move = readingMove(event)
  const selection = view.dom.ownerDocument.getSelection()
  if (!move || !selection || event.metaKey) return false
  if (selection.rangeCount === 0 || !view.dom.contains(selection.focusNode)) {
    // Just tabbed in: the caret starts where ProseMirror's selection is (the start, at first).
    const { node, offset } = view.domAtPos(view.state.selection.head)
    selection.collapse(node, offset)
  }
  selection.modify(event.shiftKey ? 'extend' : 'move', move.direction, move.granularity)
  // Told at once, not at the next selectionchange: a redraw before that (the caret drawn or removed)
  // would write the older selection back into the page, and a fast typist's next key would start there.
  const moved = selectionFrom(view, selection)
  if (moved) view.dispatch(view.state.tr.setSelection(moved))
  return true
}

function selectionFrom(view: EditorView, selection: Selection): EditorSelection | null {
  if (!selection.anchorNode || !selection.focusNode || !view.dom.contains(selection.focusNode)) return null
  try {
    const { doc } = view.state
    return TextSelection.between(
      doc.resolve(view.posAtDOM(selection.anchorNode, selection.anchorOffset)),
      doc.resolve(view.posAtDOM(selection.focusNode, selection.focusOffset)),
    )
  } catch {
    // Inside something drawn over the text (a colleague's caret): ProseMirror reads it back itself.
    return null
  }
}

export const ReadingKeys = Extension.create({
  name: 'readingKeys',

  addProseMirrorPlugins() {
    const editor = this.editor
    return [
      new Plugin<boolean>({
        key: readingCaretKey,
        state: {
          init: () => false,
          apply: (tr, focused) => (tr.getMeta(readingCaretKey) as boolean | undefined) ?? focused,
        },
        props: {
          attributes: (): Record<string, string> =>
            editor.isEditable
              ? {}
              : { tabindex: '0', 'aria-readonly': 'true', role: 'textbox', 'aria-multiline': 'true' },
          handleDOMEvents: {
            // A read-only view gets no key handling of its own from ProseMirror: these are the only keys it answers.
            keydown: (view, event) => {
              if (view.editable || !moveSelection(view, event)) return false
              event.preventDefault()
              return true
            },
            focus: (view) => {
              view.dispatch(view.state.tr.setMeta(readingCaretKey, true))
              return false
            },
            blur: (view) => {
              view.dispatch(view.state.tr.setMeta(readingCaretKey, false))
              return false
            },
          },
          decorations: (state) => {
            if (editor.isEditable || !readingCaretKey.getState(state) || !state.selection.empty) return null
            return DecorationSet.create(state.doc, [
              Decoration.widget(state.selection.head, caretElement, { key: 'reading-caret', side: 1 }),
            ])
          },
        },
      }),
    ]
  },
})

function caretElement(): HTMLElement {
  const caret = document.createElement('span')
  caret.className = 'reading-caret'
  caret.setAttribute('aria-hidden', 'true')
  return caret
}
