/**
 * Real Tiptap editors (happy-dom), each bound to its own Y.Doc like a teacher's browser, with the
 * Yjs updates between them held until a test delivers them: concurrent edits without a network.
 */
import { Editor } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { KeepCaret } from '../../../client/src/editor/keep-caret.ts'
import { contentExtensions } from '../../../shared/schema/editor-schema.ts'
import { contentOf } from '../../../shared/threads/thread-anchor.ts'

const remote = Symbol('remote')

export class Teacher {
  readonly doc = new Y.Doc()
  readonly editor: Editor
  /** Updates made here that each colleague has not received yet. */
  readonly outbox = new Map<Teacher, Uint8Array[]>()

  constructor(readonly name: string) {
    this.editor = new Editor({
      element: document.createElement('div'),
      extensions: [...contentExtensions(), Collaboration.configure({ fragment: contentOf(this.doc) }), KeepCaret],
    })
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === remote) return
      for (const queue of this.outbox.values()) queue.push(update)
    })
  }

  /** Applies what `from` sent that this teacher has not received yet. */
  receiveFrom(from: Teacher): void {
    for (const update of from.outbox.get(this)!.splice(0)) Y.applyUpdate(this.doc, update, remote)
  }

  /** Puts the caret right after the first `text` in the document (before it with `before`). */
  caretAt(text: string, where: 'after' | 'before' = 'after'): void {
    const position = positionOf(this.editor.state.doc, text)
    this.editor.commands.setTextSelection(where === 'after' ? position + text.length : position)
  }

  type(text: string): void {
    this.editor.commands.insertContent(text)
  }

  /** Paragraphs of the document, in order. */
  paragraphs(): string[] {
    const texts: string[] = []
    this.editor.state.doc.descendants((node) => {
      if (!node.isTextblock) return true
      texts.push(node.textContent)
      return false
    })
    return texts
  }

  destroy(): void {
    this.editor.destroy()
    this.doc.destroy()
  }
}

export function positionOf(doc: ProseMirrorNode, text: string): number {
  let found = -1
  doc.descendants((node, position) => {
    if (found >= 0) return false
    if (node.isText && node.text!.includes(text)) found = position + node.text!.indexOf(text)
    return true
  })
  if (found < 0) throw new Error(`no 「${text}」 in the document`)
  return found
}

/** Teachers on one document: a section holding `paragraphs`, loaded by each before anyone types. */
export async function teachersOn(paragraphs: readonly string[], names: readonly string[]): Promise<Teacher[]> {
  const teachers = names.map((name) => new Teacher(name))
  await settled()
  const [first] = teachers
  first!.editor.commands.setContent({
    type: 'doc',
    content: [
      {
        type: 'section',
        attrs: { key: 'activities', title: '学习活动' },
        content: paragraphs.map((text) => ({ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] })),
      },
    ],
  })
  for (const teacher of teachers.slice(1)) Y.applyUpdate(teacher.doc, Y.encodeStateAsUpdate(first!.doc), remote)
  for (const from of teachers) for (const to of teachers) if (from !== to) from.outbox.set(to, [])
  await settled()
  return teachers
}

export function deliverAll(teachers: readonly Teacher[]): void {
  for (const to of teachers) for (const from of teachers) if (from !== to) to.receiveFrom(from)
}

export const settled = () => new Promise((resolve) => setTimeout(resolve, 0))
