/**
 * How the benchmark lays out a document: the editor's content fragment holds one paragraph per writer
 * (two teachers writing different sections of one 导学案), and a side map holds, per writer, the sequence
 * number of its last operation. A receiver learns from that number which operations it has now seen, even
 * when several arrive in one update, and deletions are tracked as well as insertions.
 */
import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { contentFragmentName } from '../../shared/schema/editor-schema.ts'
import type { Patch } from './workload.ts'

export const progressMapName = 'bench-progress'

export function writerKey(writer: number): string {
  return `w${writer}`
}

export function writerOfKey(key: string): number {
  return Number(key.slice(1))
}

export function contentOf(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(contentFragmentName)
}

export function progressOf(doc: Y.Doc): Y.Map<number> {
  return doc.getMap<number>(progressMapName)
}

/** Writes every writer's section as it stood at the writer's starting point. */
export function seedSections(doc: Y.Doc, initialTexts: readonly string[]): void {
  doc.transact(() => {
    contentOf(doc).insert(
      0,
      initialTexts.map((text) => {
        const paragraph = new Y.XmlElement('paragraph')
        paragraph.insert(0, [new Y.XmlText(text)])
        return paragraph
      }),
    )
  })
}

export function isSeeded(doc: Y.Doc, writers: number): boolean {
  return contentOf(doc).length === writers
}

/** Applies one operation of `writer` to its own section and records its sequence number. */
export function applyOperation(doc: Y.Doc, writer: number, patches: readonly Patch[], seq: number): void {
  const paragraph = contentOf(doc).get(writer) as Y.XmlElement
  const text = paragraph.get(0) as Y.XmlText
  doc.transact(() => {
    for (const [pos, del, ins] of patches) {
      if (del > 0) text.delete(pos, del)
      if (ins.length > 0) text.insert(pos, ins)
    }
    progressOf(doc).set(writerKey(writer), seq)
  })
}

/** A short fingerprint of what a reader sees: the content and every writer's progress. */
export function digestOf(doc: Y.Doc): string {
  const progress = JSON.stringify(Object.entries(progressOf(doc).toJSON()).sort())
  return createHash('sha256').update(contentOf(doc).toString()).update(progress).digest('hex').slice(0, 16)
}
