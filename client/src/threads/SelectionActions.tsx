/**
 * 批注 and 建议修改 for the words selected in the text; a commenter's text is read-only but selectable,
 * by mouse, touch or keyboard (KEYS-1). Ctrl+Alt+M in the text writes a 批注 on its selection, as in Word.
 */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useEffect, useLayoutEffect, useRef } from 'react'
import { boundContentOf } from '../editor/sync-binding.ts'
import { type SelectedWords, selectedWords } from './selection-anchor.ts'
import type { ThreadDraft } from './ThreadComposer.tsx'

interface SelectionActionsProps {
  editor: Editor
  onCompose: (draft: ThreadDraft) => void
}

function wordsOf(editor: Editor): SelectedWords | null {
  const { state } = editor
  const binding = boundContentOf(state)
  if (!binding || state.selection.empty) return null
  return selectedWords(state.doc, state.selection.from, state.selection.to, binding.type, binding.mapping)
}

export function SelectionActions({ editor, onCompose }: SelectionActionsProps) {
  const hasWords = useEditorState({ editor, selector: ({ editor: current }) => !current.state.selection.empty })
  const compose = (suggestion: boolean) => {
    const words = wordsOf(editor)
    if (words) onCompose({ words, suggestion })
  }
  const composeRef = useRef(compose)
  useLayoutEffect(() => {
    composeRef.current = compose
  })
  useEffect(() => {
    const text = editor.view.dom
    const onKey = (event: KeyboardEvent) => {
      if (!isCommentShortcut(event)) return
      event.preventDefault()
      composeRef.current(false)
    }
    text.addEventListener('keydown', onKey)
    return () => text.removeEventListener('keydown', onKey)
  }, [editor])
  return (
    <div className="selection-actions" data-has-selection={hasWords}>
      {/* Buttons that do not take the focus keep the selection in the text. */}
      <button
        type="button"
        className="primary"
        data-testid="add-thread"
        title="批注（Ctrl+Alt+M）"
        disabled={!hasWords}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => compose(false)}
      >
        批注
      </button>
      <button
        type="button"
        data-testid="add-suggestion"
        disabled={!hasWords}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => compose(true)}
      >
        建议修改
      </button>
      {!hasWords && <span className="muted">先在正文中选中文字</span>}
    </div>
  )
}

/** Word's 插入批注; `code`, since Alt changes the character some keyboards give for M. */
function isCommentShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM'
}
