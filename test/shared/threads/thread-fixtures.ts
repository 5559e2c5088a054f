/** Y.Docs holding a 导学案-like content of paragraphs, for thread tests. */
import * as Y from 'yjs'
import { contentOf } from '../../../shared/threads/thread-anchor.ts'

export function docWithParagraphs(paragraphs: readonly string[], clientID?: number): Y.Doc {
  const doc = new Y.Doc()
  if (clientID !== undefined) doc.clientID = clientID
  doc.transact(() => {
    contentOf(doc).insert(0, paragraphs.map(paragraph))
  })
  return doc
}

export function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

/** Sends `from` everything `to` lacks. */
export function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

export function syncAll(docs: readonly Y.Doc[]): void {
  for (const from of docs) for (const to of docs) if (from !== to) sync(from, to)
}

export function copyOf(doc: Y.Doc, clientID: number): Y.Doc {
  const copy = new Y.Doc()
  copy.clientID = clientID
  sync(doc, copy)
  return copy
}

/** What `change` on `doc` sends: the update of its one transaction, or of several merged. */
export function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const updates: Uint8Array[] = []
  const collect = (update: Uint8Array) => updates.push(update)
  doc.on('update', collect)
  change()
  doc.off('update', collect)
  return Y.mergeUpdates(updates)
}
