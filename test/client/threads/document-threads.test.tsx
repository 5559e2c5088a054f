// @vitest-environment happy-dom
/**
 * The panel beside a real editor: clicking a thread in the panel marks its passage in the text as
 * selected and scrolls that passage into view.
 */
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { act, useRef, useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { contentExtensions } from '../../../shared/schema/editor-schema.ts'
import { contentOf, pointAt } from '../../../shared/threads/thread-anchor.ts'
import { createThread } from '../../../shared/threads/thread-edits.ts'
import { DocumentThreads } from '../../../client/src/threads/DocumentThreads.tsx'
import { ThreadHighlights } from '../../../client/src/threads/thread-highlights.ts'
import type { People } from '../../../client/src/threads/thread-people.ts'
import { docWithParagraphs } from '../../shared/threads/thread-fixtures.ts'
import { renderingReact } from '../../helpers/react-rendering.ts'

const goals = '理解一元一次方程的概念'
const method = '先独立思考，再小组讨论'
const renderElement = renderingReact()
let container: HTMLElement
let editor: Editor | null = null

afterEach(() => {
  editor?.destroy()
  editor = null
  vi.restoreAllMocks()
})

const settled = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)))

function Page({ doc, editor }: { doc: Y.Doc; editor: Editor }) {
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const peopleRef = useRef<People>(new Map())
  return (
    <DocumentThreads
      doc={doc}
      editor={editor}
      userId="liu"
      access="comment"
      moderator={false}
      groupId={null}
      defaultKind="question"
      selectedId={selectedId}
      onSelect={setSelectedId}
      peopleRef={peopleRef}
    />
  )
}

describe('DocumentThreads', () => {
  it('marks and scrolls to the passage of the thread clicked in the panel', async () => {
    const doc = docWithParagraphs([goals, method], 1)
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
    createThread(doc, {
      id: 't2',
      kind: 'question',
      authorId: 'li',
      body: '多久？',
      start: pointAt(content, goals.length + 1),
      end: pointAt(content, goals.length + 6),
      now: 2,
    })
    const element = document.createElement('div')
    document.body.append(element)
    editor = new Editor({
      element,
      extensions: [
        ...contentExtensions(),
        Collaboration.configure({ fragment: content }),
        ThreadHighlights.configure({ doc, onOpen: () => {} }),
      ],
    })
    container = renderElement(<Page doc={doc} editor={editor} />)
    await settled()
    const scrolled: string[] = []
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (this: HTMLElement) {
      if (editor!.view.dom.contains(this)) scrolled.push(this.textContent ?? '')
    })
    const selectedPassages = () =>
      [...editor!.view.dom.querySelectorAll('[data-testid="thread-highlight"].is-selected')].map(
        (passage) => `${passage.getAttribute('data-thread-id')}:${passage.textContent}`,
      )
    expect(selectedPassages()).toEqual([])

    const item = container.querySelector<HTMLElement>('[data-testid="thread-item"][data-thread-id="t2"]')!
    act(() => item.click())
    expect(selectedPassages()).toEqual(['t2:先独立思考'])
    expect(scrolled).toEqual(['先独立思考'])
  })
})
