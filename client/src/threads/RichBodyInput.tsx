/**
 * Where a thread's or reply's body is written: a small editor with 加粗 / 斜体 / 下划线 (Ctrl+B, Ctrl+I,
 * Ctrl+U, or the buttons), line breaks and @mentions (`mention-menu.ts`), nothing else. It is a plain
 * local editor, not collaborative: the body reaches the document whole when sent (`thread-edits.ts`).
 */
import type { Editor } from '@tiptap/core'
import { EditorContent, useEditor, useEditorState } from '@tiptap/react'
import { Placeholder } from '@tiptap/extensions'
import StarterKit from '@tiptap/starter-kit'
import { useLayoutEffect, useRef, useState } from 'react'
import type { GroupMember } from '../../../shared/api/groups.ts'
import { mentionChoices } from '../../../shared/threads/mentions.ts'
import type { BodyMark, BodyRun } from '../../../shared/threads/rich-body.ts'
import { type MentionMenu, mentionMenuExtension } from './mention-menu.ts'
import { bodyToJson, jsonToBody, pickedMentions } from './rich-body-json.ts'

interface RichBodyInputProps {
  initial?: readonly BodyRun[]
  label: string
  placeholder?: string
  testId: string
  autoFocus?: boolean
  /** Whom 「@」 offers: the group's members; the author is left out. */
  mentionable: { members: readonly GroupMember[]; authorId: string }
  /** The body's runs, and the ids of the members picked from the 「@」 list that are still in it. */
  onChange: (runs: BodyRun[], picked: string[]) => void
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

export function RichBodyInput({
  initial = [],
  label,
  placeholder,
  testId,
  autoFocus,
  mentionable,
  onChange,
}: RichBodyInputProps) {
  const [menu, setMenu] = useState<MentionMenu | null>(null)
  // The editor is made once; the members may arrive after it.
  const offered = useRef(mentionable)
  useLayoutEffect(() => {
    offered.current = mentionable
  })
  // The menu reads the members as the teacher types after 「@」, never while rendering.
  // eslint-disable-next-line react-hooks/refs
  const [mentions] = useState(() =>
    mentionMenuExtension({
      choices: (query) => mentionChoices(offered.current.members, query, offered.current.authorId),
      onMenu: setMenu,
    }),
  )
  const editor = useEditor({
    extensions: [onlyMarksAndLines, Placeholder.configure({ placeholder: placeholder ?? '' }), mentions],
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
    onUpdate: ({ editor: changed }) => {
      const json = changed.getJSON()
      onChange(jsonToBody(json), pickedMentions(json))
    },
  })
  return (
    <div className="rich-body-field">
      <MarkButtons editor={editor} />
      <EditorContent editor={editor} />
      {menu && <MentionList menu={menu} />}
    </div>
  )
}

function MentionList({ menu }: { menu: MentionMenu }) {
  return (
    <ul className="mention-menu" role="listbox" aria-label="提醒谁看" data-testid="mention-menu">
      {menu.choices.map((member, index) => (
        <li
          key={member.id}
          role="option"
          aria-selected={index === menu.active}
          data-testid="mention-option"
          data-user-id={member.id}
          // The body keeps the focus (and its 「@」): a tap or click picks without taking it.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => menu.pick(index)}
        >
          {member.displayName}
        </li>
      ))}
    </ul>
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
