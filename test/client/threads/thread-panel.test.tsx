// @vitest-environment happy-dom
/**
 * The panel's pieces rendered with React: what each kind of user is offered on a thread and a
 * suggestion (from thread-rules), and the composer refusing a suggestion across two paragraphs.
 */
import { act, type ReactElement } from 'react'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { contentOf, pointAt } from '../../../shared/threads/thread-anchor.ts'
import { acceptSuggestion, createSuggestion } from '../../../shared/threads/suggestions.ts'
import { addReply, createThread } from '../../../shared/threads/thread-edits.ts'
import { listThreads } from '../../../shared/threads/thread-list.ts'
import type { ThreadActor } from '../../../shared/threads/thread-rules.ts'
import { ThreadComposer } from '../../../client/src/threads/ThreadComposer.tsx'
import { ThreadPanel } from '../../../client/src/threads/ThreadPanel.tsx'
import { docWithParagraphs } from '../../shared/threads/thread-fixtures.ts'
import { renderingReact } from '../../helpers/react-rendering.ts'

const goals = '理解一元一次方程的概念'
const method = '先独立思考，再小组讨论'
const renderElement = renderingReact()
let container: HTMLElement

function render(element: ReactElement): void {
  container = renderElement(element)
}

const byTestId = (id: string) => [...container.querySelectorAll(`[data-testid="${id}"]`)]

function documentWithThreads(): Y.Doc {
  const doc = docWithParagraphs([goals, method])
  const content = contentOf(doc)
  createThread(doc, {
    id: 't1',
    kind: 'question',
    authorId: 'wang',
    body: '为什么？',
    start: pointAt(content, 2),
    end: pointAt(content, 7),
    now: 1,
  })
  addReply(doc, 't1', { id: 'r1', authorId: 'li', body: '同意', now: 2 })
  createSuggestion(doc, {
    id: 's1',
    kind: 'proposal',
    authorId: 'zhang',
    body: '',
    start: pointAt(content, 9),
    end: pointAt(content, 11),
    replacement: '含义',
    now: 3,
  })
  return doc
}

function panelFor(doc: Y.Doc, actor: ThreadActor, selectedId: string | null = null) {
  return (
    <ThreadPanel
      doc={doc}
      editor={null}
      threads={listThreads(doc)}
      actor={actor}
      people={new Map()}
      members={[]}
      defaultKind="question"
      selectedId={selectedId}
      onSelect={() => {}}
    />
  )
}

describe('ThreadPanel', () => {
  it('lists the threads in document order with their kind, quote and replies', () => {
    render(panelFor(documentWithThreads(), { userId: 'liu', access: 'comment', moderator: false }))
    expect(byTestId('thread-item').map((item) => item.getAttribute('data-thread-id'))).toEqual(['t1', 's1'])
    expect(byTestId('thread-quote').map((quote) => quote.textContent)).toEqual(['一元一次方', '概念'])
    expect(byTestId('thread-reply').map((reply) => reply.querySelector('.thread-body')?.textContent)).toEqual(['同意'])
  })

  it('offers a reader nothing to change', () => {
    render(panelFor(documentWithThreads(), { userId: 'liu', access: 'read', moderator: false }, 't1'))
    for (const id of [
      'thread-reply-input',
      'thread-resolve',
      'thread-edit',
      'thread-delete',
      'suggestion-accept',
      'suggestion-reject',
    ]) {
      expect(byTestId(id), id).toEqual([])
    }
  })

  it('offers the author editing and resolving, a colleague only a reply on the selected thread', () => {
    render(panelFor(documentWithThreads(), { userId: 'wang', access: 'comment', moderator: false }, 't1'))
    expect(byTestId('thread-edit')).toHaveLength(1)
    expect(byTestId('thread-resolve').map((button) => button.textContent)).toEqual(['标为已解决'])
    expect(byTestId('thread-reply-input')).toHaveLength(1)
    render(panelFor(documentWithThreads(), { userId: 'liu', access: 'comment', moderator: false }, 't1'))
    expect(byTestId('thread-edit')).toEqual([])
    expect(byTestId('thread-resolve')).toEqual([])
    expect(byTestId('thread-reply-input')).toHaveLength(1)
  })

  it('lets a moderator with edit access accept or reject a suggestion, one with comment access only reject', () => {
    render(panelFor(documentWithThreads(), { userId: 'li', access: 'edit', moderator: true }))
    expect([byTestId('suggestion-accept').length, byTestId('suggestion-reject').length]).toEqual([1, 1])
    render(panelFor(documentWithThreads(), { userId: 'li', access: 'comment', moderator: true }))
    expect([byTestId('suggestion-accept').length, byTestId('suggestion-reject').length]).toEqual([0, 1])
  })

  it('shows 原文已删除 with the quote once a thread’s words were deleted, but not for an accepted suggestion', () => {
    const doc = documentWithThreads()
    acceptSuggestion(doc, 's1', 'li', 4)
    const text = (contentOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.delete(0, 8)
    render(panelFor(doc, { userId: 'liu', access: 'comment', moderator: false }))
    // The accepted suggestion is resolved, so it is listed under 全部 only.
    const state = byTestId('thread-filter-state')[0] as HTMLSelectElement
    act(() => {
      state.value = 'all'
      state.dispatchEvent(new Event('change', { bubbles: true }))
    })
    const quotes = byTestId('thread-quote').map((quote) => ({
      id: quote.closest('[data-testid="thread-item"]')?.getAttribute('data-thread-id'),
      label: quote.querySelector('.thread-deleted')?.textContent ?? null,
      text: quote.textContent,
    }))
    expect(quotes).toEqual([
      { id: 't1', label: '原文已删除', text: '原文已删除一元一次方' },
      { id: 's1', label: null, text: '概念' },
    ])
    expect(byTestId('thread-original')).toEqual([])
  })

  it('[THREADS-2] shows 原文 beside a passage rewritten since the thread was written, and only there', () => {
    const doc = documentWithThreads()
    const text = (contentOf(doc).get(0) as Y.XmlElement).get(0) as Y.XmlText
    render(panelFor(doc, { userId: 'liu', access: 'comment', moderator: false }))
    expect(byTestId('thread-original')).toEqual([])
    text.insert(4, '（或二元）')
    render(panelFor(doc, { userId: 'liu', access: 'comment', moderator: false }))
    expect(byTestId('thread-quote').map((quote) => quote.textContent)).toEqual(['一元（或二元）一次方', '概念'])
    expect(
      byTestId('thread-original').map((original) => ({
        id: original.closest('[data-testid="thread-item"]')?.getAttribute('data-thread-id'),
        text: original.textContent,
      })),
    ).toEqual([{ id: 't1', text: '原文：一元一次方' }])
  })
})

describe('ThreadComposer', () => {
  it('says a suggestion stays within one paragraph, and offers no way to send one across two', () => {
    const doc = docWithParagraphs([goals, method])
    const content = contentOf(doc)
    const relative = (offset: number) => {
      const point = pointAt(content, offset)
      return Y.createRelativePositionFromTypeIndex(point.text, point.offset)
    }
    const words = { start: relative(2), end: relative(goals.length + 3), quote: '…' }
    render(
      <ThreadComposer
        doc={doc}
        draft={{ words, suggestion: true }}
        authorId="li"
        defaultKind="proposal"
        members={[]}
        onDone={() => {}}
      />,
    )
    expect(byTestId('suggestion-one-paragraph')).toHaveLength(1)
    expect(byTestId('suggestion-replacement-input')).toEqual([])
    expect((byTestId('thread-submit')[0] as HTMLButtonElement).disabled).toBe(true)
  })
})
