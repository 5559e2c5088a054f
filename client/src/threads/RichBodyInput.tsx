/**
 * Where a thread's or reply's body is written: a small editor with 加粗 / 斜体 / 下划线 (Ctrl+B, Ctrl+I,
 * Ctrl+U, or the buttons) and line breaks, nothing else. It is a plain local editor, not collaborative:
 * the body reaches the document whole when sent (`thread-edits.ts`).
 */
import type { Editor } from '@tiptap/core'
import { EditorContent, useEditor, useEditorState } from '@tiptap/react'
import { Placeholder } from '@tiptap/extensions'
import StarterKit from '@tiptap/starter-kit'
import type { BodyMark, BodyRun } from '../../../shared/threads/rich-body.ts'
import { bodyToJson, jsonToBody } from './rich-body-json.ts'

interface RichBodyInputProps {
  initial?: readonly BodyRun[]
  label: string
  placeholder?: string
  testId: string
  autoFocus?: boolean
  onChange: (runs: BodyRun[]) => void
}

const onlyMarksAndLines = StarterKit.configure({
  blockquote: false,
  bulletList: false,
  code: false,
  codeBlock: false,
  heading: false,
  horizontalRule: false,
  link: false,
  listItem: false,
  listKeymap: false,
  orderedList: false,
  strike: false,
  dropcursor: false,
  gapcursor: false,
})

const markButtons: { mark: BodyMark; label: string; text: string }[] = [
  { mark: 'bold', label: '加粗（Ctrl+B）', text: 'B' },
  { mark: 'italic', label: '斜体（Ctrl+I）', text: 'I' },
  { mark: 'underline', label: '下划线（Ctrl+U）', text: 'U' },
]

export function RichBodyInput({ initial = [], label, placeholder, testId, autoFocus, onChange }: RichBodyInputProps) {
  const editor = useEditor({
    extensions: [onlyMarksAndLines, Placeholder.configure({ placeholder: placeholder ?? '' })],
    content: bodyToJson(initial),
    autofocus: autoFocus ? 'end' : false,
    editorProps: {
      attributes: {
        'data-testid': testId,
        'aria-label': label,
        'aria-multiline': 'true',
        role: 'textbox',
        class: 'rich-body-input',
      },
    },
    onUpdate: ({ editor: changed }) => onChange(jsonToBody(changed.getJSON())),
  })
  return (
    <div className="rich-body-field">
      <MarkButtons editor={editor} />
      <EditorContent editor={editor} />
    </div>
  )
}

function MarkButtons({ editor }: { editor: Editor }) {
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => markButtons.map(({ mark }) => current.isActive(mark)),
  })
  return (
    <span className="rich-body-marks" role="toolbar" aria-label="文字格式">
      {markButtons.map(({ mark, label, text }, index) => (
        <button
          key={mark}
          type="button"
          className={`mark-${mark}`}
          aria-label={label}
          title={label}
          aria-pressed={active[index] ?? false}
          data-testid={`body-${mark}`}
          // Keeps the selection in the editor: a click would otherwise move focus to the button first.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => editor.chain().focus().toggleMark(mark).run()}
        >
          {text}
        </button>
      ))}
    </span>
  )
}
