/** 批注 and 建议修改 for the words selected in the text; a commenter's text is read-only but selectable. */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { type SelectedWords, selectedWords } from './selection-anchor.ts'
import type { ThreadDraft } from './ThreadComposer.tsx'
import type { ProsemirrorMapping } from './thread-ranges.ts'

interface SelectionActionsProps {
  editor: Editor
  onCompose: (draft: ThreadDraft) => void
}

function wordsOf(editor: Editor): SelectedWords | null {
  const { state } = editor
  const binding = ySyncPluginKey.getState(state)?.binding as { type: Y.XmlFragment; mapping: ProsemirrorMapping } | undefined
  if (!binding || state.selection.empty) return null
  return selectedWords(state.doc, state.selection.from, state.selection.to, binding.type, binding.mapping)
}

export function SelectionActions({ editor, onCompose }: SelectionActionsProps) {
  const hasWords = useEditorState({ editor, selector: ({ editor: current }) => !current.state.selection.empty })
  const compose = (suggestion: boolean) => {
    const words = wordsOf(editor)
    if (words) onCompose({ words, suggestion })
  }
  return (
    <div className="selection-actions" data-has-selection={hasWords}>
      {/* Buttons that do not take the focus keep the selection in the text. */}
      <button type="button" className="primary" data-testid="add-thread" disabled={!hasWords} onMouseDown={(event) => event.preventDefault()} onClick={() => compose(false)}>
        批注
      </button>
      <button type="button" data-testid="add-suggestion" disabled={!hasWords} onMouseDown={(event) => event.preventDefault()} onClick={() => compose(true)}>
        建议修改
      </button>
      {!hasWords && <span className="muted">先在正文中选中文字</span>}
    </div>
  )
}
