// @vitest-environment happy-dom
/**
 * The highlight plugin in a real Tiptap editor bound to a Y.Doc: drawn when a thread arrives, moved with
 * a colleague's edit, marked when selected, gone when resolved, and a click on it opens the thread.
 */
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { contentExtensions } from '../../../shared/schema/editor-schema.ts'
import { contentOf, pointAt } from '../../../shared/threads/thread-anchor.ts'
import { createThread, setResolved } from '../../../shared/threads/thread-edits.ts'
import { selectThreadInText, ThreadHighlights } from '../../../client/src/threads/thread-highlights.ts'
import { copyOf, docWithParagraphs, sync } from '../../shared/threads/thread-fixtures.ts'

const goals = '理解一元一次方程的概念'
const editors: Editor[] = []

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

function editorOn(doc: Y.Doc, opened: string[]): Editor {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [
      ...contentExtensions(),
      Collaboration.configure({ fragment: contentOf(doc) }),
      ThreadHighlights.configure({ doc, onOpen: (id) => opened.push(id), colorOf: () => '#1971c2' }),
    ],
  })
  editors.push(editor)
  return editor
}

const highlights = (editor: Editor) =>
  [...editor.view.dom.querySelectorAll('[data-testid="thread-highlight"]')].map((element) => ({
    id: element.getAttribute('data-thread-id'),
    text: element.textContent,
    selected: element.classList.contains('is-selected'),
  }))

const settled = () => new Promise((resolve) => setTimeout(resolve, 0))

function threadOn(doc: Y.Doc, id: string, from: number, to: number): void {
  const content = contentOf(doc)
  createThread(doc, {
    id,
    kind: 'question',
    authorId: 'u-wang',
    body: '为什么？',
    start: pointAt(content, from),
    end: pointAt(content, to),
  })
}

describe('ThreadHighlights', () => {
  it('draws a thread that arrives, keeps it on its words through a colleague’s edit, and drops it once resolved', async () => {
    const doc = docWithParagraphs([goals], 1)
    const colleague = copyOf(doc, 2)
    const editor = editorOn(doc, [])
    await settled()
    threadOn(colleague, 't1', 2, 7)
    sync(colleague, doc)
    await settled()
    expect(highlights(editor)).toEqual([{ id: 't1', text: '一元一次方', selected: false }])

    const text = (contentOf(colleague).get(0) as Y.XmlElement).get(0) as Y.XmlText
    text.insert(0, '能')
    sync(colleague, doc)
    await settled()
    expect(editor.getText()).toContain(`能${goals}`)
    expect(highlights(editor)).toEqual([{ id: 't1', text: '一元一次方', selected: false }])

    selectThreadInText(editor.view, 't1')
    expect(highlights(editor)).toEqual([{ id: 't1', text: '一元一次方', selected: true }])

    selectThreadInText(editor.view, null)
    setResolved(doc, 't1', true, 'u-wang')
    await settled()
    expect(highlights(editor)).toEqual([])
  })

  it('maps the highlights through the local editor’s own typing', async () => {
    const doc = docWithParagraphs([goals], 1)
    const editor = editorOn(doc, [])
    await settled()
    threadOn(doc, 't1', 2, 7)
    await settled()
    editor.commands.insertContentAt(1, '能')
    expect(highlights(editor)).toEqual([{ id: 't1', text: '一元一次方', selected: false }])
  })

  it('opens the thread whose highlighted words are clicked', async () => {
    const doc = docWithParagraphs([goals], 1)
    const opened: string[] = []
    const editor = editorOn(doc, opened)
    await settled()
    threadOn(doc, 't1', 2, 7)
    await settled()
    const highlight = editor.view.dom.querySelector('[data-thread-id="t1"]')!
    highlight.dispatchEvent(new MouseEvent('click', { bubbles: true }))
    expect(opened).toEqual(['t1'])
  })
})
