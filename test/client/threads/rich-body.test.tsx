// @vitest-environment happy-dom
/**
 * Rich thread bodies in the panel: the small editor's document and the stored runs agree, marks are
 * shown as elements (never as HTML from the text), and a thread's author can change its body and
 * @mentions after writing it.
 */
import type { Editor } from '@tiptap/core'
import { act, type ReactElement } from 'react'
import { describe, expect, it } from 'vitest'
import type { GroupMember } from '../../../shared/api/groups.ts'
import { contentOf, pointAt } from '../../../shared/threads/thread-anchor.ts'
import { createThread } from '../../../shared/threads/thread-edits.ts'
import { listThreads } from '../../../shared/threads/thread-list.ts'
import { readThread, threadsOf } from '../../../shared/threads/thread-model.ts'
import { RichBody } from '../../../client/src/threads/RichBody.tsx'
import { bodyToJson, jsonToBody } from '../../../client/src/threads/rich-body-json.ts'
import { ThreadPanel } from '../../../client/src/threads/ThreadPanel.tsx'
import { docWithParagraphs } from '../../shared/threads/thread-fixtures.ts'
import { renderingReact } from '../../helpers/react-rendering.ts'

const renderElement = renderingReact()
let container: HTMLElement

function render(element: ReactElement): void {
  container = renderElement(element)
}

const one = (id: string) => container.querySelector<HTMLElement>(`[data-testid="${id}"]`)!
/** Tiptap hangs the editor on its element; the test types through it, as happy-dom has no real typing. */
const editorOf = (id: string) => (one(id) as HTMLElement & { editor: Editor }).editor

const rich = [
  { insert: '先' },
  { insert: '举例', attributes: { bold: true as const } },
  { insert: '\n' },
  { insert: '再', attributes: { italic: true as const } },
  { insert: '归纳', attributes: { underline: true as const } },
]

describe('the small editor’s document', () => {
  it('holds the runs, one paragraph per line, and gives them back', () => {
    expect(bodyToJson(rich).content).toHaveLength(2)
    expect(jsonToBody(bodyToJson(rich))).toEqual(rich)
    expect(jsonToBody(bodyToJson([]))).toEqual([])
  })

  it('reads a hard break as a line break and drops marks it does not know', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '甲', marks: [{ type: 'strike' }] },
            { type: 'hardBreak' },
            { type: 'text', text: '乙', marks: [{ type: 'bold' }] },
          ],
        },
      ],
    }
    expect(jsonToBody(doc)).toEqual([{ insert: '甲\n' }, { insert: '乙', attributes: { bold: true } }])
  })
})

describe('a shown body', () => {
  it('shows marks as elements and what was typed as text, even when it looks like HTML', () => {
    render(
      <p>
        {
          <RichBody
            runs={[{ insert: '<b>不是粗体</b>' }, { insert: '要点', attributes: { bold: true, italic: true } }]}
          />
        }
      </p>,
    )
    expect(container.querySelector('b')).toBeNull()
    expect(container.textContent).toBe('<b>不是粗体</b>要点')
    expect(container.querySelector('strong em')?.textContent).toBe('要点')
  })
})

const members: GroupMember[] = [
  { id: 'wang', displayName: '王老师', spelling: 'wanglaoshi wls' },
  { id: 'li', displayName: '李老师', spelling: 'lilaoshi lls' },
  { id: 'zhao', displayName: '赵老师', spelling: 'zhaolaoshi zls' },
] as GroupMember[]

function panelOn(doc: ReturnType<typeof docWithParagraphs>, userId: string) {
  return (
    <ThreadPanel
      doc={doc}
      editor={null}
      threads={listThreads(doc)}
      actor={{ userId, access: 'comment', moderator: false }}
      people={new Map(members.map((member) => [member.id, member]))}
      members={members}
      defaultKind="question"
      selectedId="t1"
      onSelect={() => {}}
    />
  )
}

function docWithThread() {
  const doc = docWithParagraphs(['理解一元一次方程的概念'])
  const content = contentOf(doc)
  createThread(doc, {
    id: 't1',
    kind: 'question',
    authorId: 'wang',
    body: rich,
    start: pointAt(content, 2),
    end: pointAt(content, 7),
    mentions: ['li'],
  })
  return doc
}

describe('a thread in the panel', () => {
  it('shows its body with its marks', () => {
    render(panelOn(docWithThread(), 'li'))
    const body = one('thread-body')
    expect(body.querySelector('strong')?.textContent).toBe('举例')
    expect(body.querySelector('em')?.textContent).toBe('再')
    expect(body.querySelector('u')?.textContent).toBe('归纳')
  })

  it('lets its author change the body’s marks and mention more colleagues, keeping those told before', () => {
    const doc = docWithThread()
    render(panelOn(doc, 'wang'))
    act(() => one('thread-edit').click())
    const editor = editorOf('thread-edit-input')
    expect(jsonToBody(editor.getJSON())).toEqual(rich)
    act(() => {
      editor.commands.setTextSelection({ from: 1, to: 2 })
    })
    act(() => container.querySelector<HTMLButtonElement>('[data-testid="body-bold"]')!.click())
    act(() => {
      editor
        .chain()
        .focus('end')
        .insertContent({ type: 'mention', attrs: { id: 'zhao', label: '赵老师' } })
        .run()
    })
    expect(one('mentions-line').textContent).toBe('发表后将提醒：赵老师')
    act(() => one('thread-edit-save').click())
    const thread = readThread(threadsOf(doc).get('t1')!)
    expect(thread.mentions).toEqual(['li', 'zhao'])
    expect(thread.bodyDelta.slice(0, 1)).toEqual([{ insert: '先举例', attributes: { bold: true } }])
    expect(thread.body.endsWith('归纳@赵老师')).toBe(true)
  })

  it('[MENTION-1] opens the 「@」 list, narrows it by 拼音, and picks with Enter into the reply and its mentions', async () => {
    const doc = docWithThread()
    render(panelOn(doc, 'li'))
    const editor = editorOf('thread-reply-input')
    act(() => {
      editor.chain().focus().insertContent('请@').run()
    })
    await act(async () => {})
    const names = () =>
      [...container.querySelectorAll('[data-testid="mention-option"]')].map((option) => option.textContent)
    expect(names()).toEqual(['王老师', '赵老师'])
    act(() => {
      editor.chain().insertContent('zh').run()
    })
    await act(async () => {})
    expect(names()).toEqual(['赵老师'])
    act(() => {
      editor.view.dom.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    })
    await act(async () => {})
    expect(container.querySelector('[data-testid="mention-menu"]')).toBeNull()
    act(() => {
      editor.chain().insertContent('看看').run()
    })
    act(() => one('thread-reply-submit').click())
    const [reply] = readThread(threadsOf(doc).get('t1')!).replies
    expect(reply).toMatchObject({ body: '请@赵老师 看看', mentions: ['zhao'] })
  })

  it('[MENTION-2] takes a name typed out in full after 「@」 as a mention, and 「@全体」 as words', () => {
    const doc = docWithThread()
    render(panelOn(doc, 'li'))
    act(() => {
      editorOf('thread-reply-input').chain().focus().insertContent('＠王老师 和 @全体').run()
    })
    expect(one('mentions-line').textContent).toBe('发表后将提醒：王老师')
    act(() => one('thread-reply-submit').click())
    expect(readThread(threadsOf(doc).get('t1')!).replies[0]).toMatchObject({
      body: '＠王老师 和 @全体',
      mentions: ['wang'],
    })
  })

  it('sends a reply with its marks and empties the box', () => {
    const doc = docWithThread()
    render(panelOn(doc, 'li'))
    act(() => {
      editorOf('thread-reply-input').chain().insertContent('同意').selectAll().toggleMark('italic').run()
    })
    act(() => one('thread-reply-submit').click())
    expect(readThread(threadsOf(doc).get('t1')!).replies.map((reply) => reply.bodyDelta)).toEqual([
      [{ insert: '同意', attributes: { italic: true } }],
    ])
    expect(editorOf('thread-reply-input').getText()).toBe('')
  })
})
