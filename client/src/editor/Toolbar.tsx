/** The formatting toolbar. Only it re-renders as the selection moves, never the editor. */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { type ReactNode, useRef } from 'react'
import { imageTypes } from '../../../shared/images/image-header.ts'
import { markableBlocksInSelection, selectionIsTeacherOnly } from '../../../shared/schema/teacher-only.ts'

const headingLevels = [1, 2, 3] as const
type HeadingLevel = (typeof headingLevels)[number]
const headingNames: Record<HeadingLevel, string> = { 1: '一级标题', 2: '二级标题', 3: '三级标题' }

function ToolButton(props: {
  label: string
  testId: string
  active?: boolean
  disabled?: boolean
  /** Extra class, e.g. the 教师用 button's own colour. */
  className?: string
  onRun: () => void
  children?: ReactNode
}) {
  return (
    <button
      type="button"
      className={['tool', props.active && 'is-active', props.className].filter(Boolean).join(' ')}
      aria-pressed={props.active}
      disabled={props.disabled}
      data-testid={props.testId}
      title={props.label}
      // Keep the selection in the editor: a focused button would take it away.
      onMouseDown={(event) => event.preventDefault()}
      onClick={props.onRun}
    >
      {props.children ?? props.label}
    </button>
  )
}

export function Toolbar({ editor }: { editor: Editor }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      // The header holds plain values: no formatting, no lists or tables there.
      inHeader: current.isActive('headerField'),
      teacherOnly: selectionIsTeacherOnly(current.state),
      canMarkTeacherOnly: markableBlocksInSelection(current.state).length > 0,
      heading: headingLevels.find((level) => current.isActive('heading', { level })) ?? 0,
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
      inTable: current.can().addRowAfter(),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  })
  const chain = () => editor.chain().focus()
  const imageInput = useRef<HTMLInputElement>(null)

  return (
    <div className="toolbar" role="toolbar" aria-label="格式" data-testid="toolbar">
      <label className="tool-select">
        <span>标题</span>
        <select
          data-testid="toolbar-heading"
          value={state.heading}
          disabled={state.inHeader}
          onChange={(event) => {
            const level = Number(event.target.value)
            if (level === 0) chain().setParagraph().run()
            else
              chain()
                .setHeading({ level: level as HeadingLevel })
                .run()
          }}
        >
          <option value={0}>正文</option>
          {headingLevels.map((level) => (
            <option key={level} value={level}>
              {headingNames[level]}
            </option>
          ))}
        </select>
      </label>
      <span className="tool-group">
        <ToolButton
          label="加粗"
          testId="toolbar-bold"
          active={state.bold}
          disabled={state.inHeader}
          onRun={() => chain().toggleBold().run()}
        >
          <b>加粗</b>
        </ToolButton>
        <ToolButton
          label="斜体"
          testId="toolbar-italic"
          active={state.italic}
          disabled={state.inHeader}
          onRun={() => chain().toggleItalic().run()}
        >
          <i>斜体</i>
        </ToolButton>
      </span>
      <span className="tool-group">
        <ToolButton
          label="列表"
          testId="toolbar-bullet-list"
          active={state.bulletList}
          disabled={state.inHeader}
          onRun={() => chain().toggleBulletList().run()}
        />
        <ToolButton
          label="编号"
          testId="toolbar-ordered-list"
          active={state.orderedList}
          disabled={state.inHeader}
          onRun={() => chain().toggleOrderedList().run()}
        />
      </span>
      <span className="tool-group">
        <ToolButton
          label="插入表格"
          testId="toolbar-insert-table"
          disabled={state.inTable || state.inHeader}
          onRun={() => chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        />
        <ToolButton
          label="加一行"
          testId="toolbar-add-row"
          disabled={!state.inTable}
          onRun={() => chain().addRowAfter().run()}
        />
        <ToolButton
          label="加一列"
          testId="toolbar-add-column"
          disabled={!state.inTable}
          onRun={() => chain().addColumnAfter().run()}
        />
        <ToolButton
          label="删除行"
          testId="toolbar-delete-row"
          disabled={!state.inTable}
          onRun={() => chain().deleteRow().run()}
        />
        <ToolButton
          label="删除列"
          testId="toolbar-delete-column"
          disabled={!state.inTable}
          onRun={() => chain().deleteColumn().run()}
        />
        <ToolButton
          label="删除表格"
          testId="toolbar-delete-table"
          disabled={!state.inTable}
          onRun={() => chain().deleteTable().run()}
        />
      </span>
      <span className="tool-group">
        <ToolButton
          label="插入图片：PNG、JPG、GIF 或 WebP"
          testId="toolbar-insert-image"
          disabled={state.inHeader}
          onRun={() => imageInput.current?.click()}
        >
          插入图片
        </ToolButton>
        <input
          ref={imageInput}
          type="file"
          accept={imageTypes.join(',')}
          multiple
          hidden
          data-testid="toolbar-image-file"
          onChange={(event) => {
            const files = [...(event.target.files ?? [])]
            event.target.value = ''
            void editor.storage.imageUpload.insertFiles(files)
          }}
        />
      </span>
      <span className="tool-group">
        <ToolButton
          label="教师用：答案、备注、时间安排等，学生版不打印"
          testId="toolbar-teacher-only"
          className="tool-teacher-only"
          active={state.teacherOnly}
          disabled={!state.canMarkTeacherOnly}
          onRun={() => chain().toggleTeacherOnly().run()}
        >
          教师用
        </ToolButton>
      </span>
      <span className="tool-group">
        <ToolButton label="撤销" testId="toolbar-undo" disabled={!state.canUndo} onRun={() => chain().undo().run()} />
        <ToolButton label="重做" testId="toolbar-redo" disabled={!state.canRedo} onRun={() => chain().redo().run()} />
      </span>
    </div>
  )
}
