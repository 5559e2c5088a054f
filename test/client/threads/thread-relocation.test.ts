// @vitest-environment happy-dom
/**
 * Enter and Backspace in a real Tiptap editor bound to a Y.Doc: splitting or joining paragraphs makes
 * y-prosemirror rebuild the moved words as new Yjs items, so the anchors' ends die. The threads are
 * found again on their words, highlighted there, and a suggestion there can still be accepted.
 */
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import { afterEach, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { ThreadHighlights } from '../../../client/src/threads/thread-highlights.ts'
import { contentExtensions } from '../../../shared/schema/editor-schema.ts'
import { acceptSuggestion, createSuggestion, suggestionStatus } from '../../../shared/threads/suggestions.ts'
import { contentOf, plainText, pointAt, resolveAnchor } from '../../../shared/threads/thread-anchor.ts'
import { createThread } from '../../../shared/threads/thread-edits.ts'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import { copyOf, docWithParagraphs, sync } from '../../shared/threads/thread-fixtures.ts'

const goals = '理解一元一次方程的概念'
const steps = '先独立思考再讨论'
const editors: Editor[] = []

afterEach(() => {
  for (const editor of editors.splice(0)) editor.destroy()
})

async function editorOn(doc: Y.Doc): Promise<Editor> {
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [
      ...contentExtensions(),
      Collaboration.configure({ fragment: contentOf(doc) }),
      ThreadHighlights.configure({ doc, onOpen: () => {}, colorOf: () => '#1971c2' }),
    ],
  })
  editors.push(editor)
  await settled()
  return editor
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0))

const highlights = (editor: Editor) =>
  [...editor.view.dom.querySelectorAll('[data-thread-id]:not(ins)')].map((element) => element.textContent)

function threadOn(doc: Y.Doc, from: number, to: number): void {
  const content = contentOf(doc)
  createThread(doc, {
    id: 't1',
    kind: 'question',
    authorId: 'u-wang',
    body: '为什么？',
    start: pointAt(content, from),
    end: pointAt(content, to),
  })
}

const anchorOf = (doc: Y.Doc) => resolveAnchor(doc, threadsOf(doc).get('t1')!)

describe('threads through Enter and Backspace in the editor', () => {
  it('stay on their words when Enter splits the paragraph before them', async () => {
    const doc = docWithParagraphs([goals, steps], 1)
    const editor = await editorOn(doc)
    threadOn(doc, 6, 11)
    editor.chain().setTextSelection(3).splitBlock().run()
    await settled()
    expect(plainText(contentOf(doc))).toBe(`理解\n一元一次方程的概念\n${steps}`)
    expect(anchorOf(doc)).toEqual({ deleted: false, from: 7, to: 12, text: '方程的概念', relocated: true })
    expect(highlights(editor)).toEqual(['方程的概念'])
  })

  it('stay on their words, across the new paragraph break, when Enter splits the passage', async () => {
    const doc = docWithParagraphs([goals], 1)
    const editor = await editorOn(doc)
    threadOn(doc, 2, 8)
    editor.chain().setTextSelection(5).splitBlock().run()
    await settled()
    expect(anchorOf(doc)).toMatchObject({ deleted: false, text: '一元\n一次方程' })
    expect(highlights(editor)).toEqual(['一元', '一次方程'])
  })

  it('stay on their words when Backspace joins their paragraph to the one before', async () => {
    const doc = docWithParagraphs([goals, steps], 1)
    const editor = await editorOn(doc)
    threadOn(doc, 13, 17)
    editor.chain().setTextSelection(14).joinBackward().run()
    await settled()
    expect(plainText(contentOf(doc))).toBe(goals + steps)
    expect(anchorOf(doc)).toEqual({ deleted: false, from: 12, to: 16, text: '独立思考', relocated: true })
    expect(highlights(editor)).toEqual(['独立思考'])
  })

  it('are found alike on a colleague’s copy that only receives the split', async () => {
    const doc = docWithParagraphs([goals, steps], 1)
    const colleague = copyOf(doc, 2)
    const editor = await editorOn(doc)
    threadOn(doc, 6, 11)
    editor.chain().setTextSelection(3).splitBlock().run()
    await settled()
    sync(doc, colleague)
    expect(anchorOf(colleague)).toEqual(anchorOf(doc))
  })

  it('keep a suggestion pending after a split, and accepting it replaces the words where they are now', async () => {
    const doc = docWithParagraphs([goals, steps], 1)
    const editor = await editorOn(doc)
    const content = contentOf(doc)
    createSuggestion(doc, {
      id: 's1',
      kind: 'proposal',
      authorId: 'u-wang',
      body: '更准确',
      start: pointAt(content, 6),
      end: pointAt(content, 8),
      replacement: '方程式',
    })
    editor.chain().setTextSelection(3).splitBlock().run()
    await settled()
    expect(suggestionStatus(doc, 's1')).toBe('pending')
    expect(highlights(editor)).toEqual(['方程'])
    expect(editor.view.dom.querySelector('[data-testid="suggestion-insert"]')?.textContent).toBe('方程式')
    acceptSuggestion(doc, 's1', 'u-li')
    await settled()
    expect(plainText(content)).toBe(`理解\n一元一次方程式的概念\n${steps}`)
    expect(editor.getText({ blockSeparator: '\n' })).toBe(`理解\n一元一次方程式的概念\n${steps}`)
  })
})
