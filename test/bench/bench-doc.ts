/**
 * How the benchmark lays out a document, and how a receiver knows that an operation has reached it.
 *
 * Layout: each writer edits its own section. In a plain document the editor's content fragment holds one
 * paragraph per writer (teachers writing different parts of one 导学案). In a large document (a trace's
 * finished Yjs document, whose text is the root `text`) each writer's section is placed inside that text,
 * at an even share of its length, and found again through a relative position, so typing lands among the
 * document's own items.
 *
 * Delivery: nothing is added to the edit. After each operation the writer notes its footprint, the clock
 * its insertions reached and the items it deleted; a receiver has seen the operation once its document
 * holds that clock of the writer and has every one of those items deleted. A deletion is thus seen as its
 * own event, and several operations arriving in one update are each counted.
 */
import { createHash } from 'node:crypto'
import * as Y from 'yjs'
import { contentFragmentName } from '../../shared/schema/editor-schema.ts'
import type { Patch } from './workload.ts'

/** The root text of the traces' finished documents (`S1.v1.yjs`, `C1.v1.yjs`). */
export const largeTextName = 'text'

export function contentOf(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(contentFragmentName)
}

/** Where a writer's section starts: a relative position in a large document, the start of a paragraph otherwise. */
export type SectionAnchor = { kind: 'paragraph'; index: number } | { kind: 'inside'; position: Uint8Array }

/** Writes every writer's section as it stood at the writer's starting point; returns where each one starts. */
export function seedSections(doc: Y.Doc, initialTexts: readonly string[], large: boolean): SectionAnchor[] {
  if (!large) {
    doc.transact(() => {
      contentOf(doc).insert(
        contentOf(doc).length,
        initialTexts.map((text) => {
          const paragraph = new Y.XmlElement('paragraph')
          paragraph.insert(0, [new Y.XmlText(text)])
          return paragraph
        }),
      )
    })
    return initialTexts.map((_, index) => ({ kind: 'paragraph', index }))
  }
  if (initialTexts.some((text) => text.length === 0)) throw new Error('a section inside a large document needs text')
  const text = doc.getText(largeTextName)
  const length = text.length
  const bases = initialTexts.map((_, w) => Math.floor((length * (w + 1)) / (initialTexts.length + 1)))
  // From the last section to the first, so that inserting one does not move the places of the others.
  doc.transact(() => {
    for (let w = initialTexts.length - 1; w >= 0; w--) text.insert(bases[w]!, initialTexts[w]!)
  })
  let before = 0
  return initialTexts.map((initial, w) => {
    const start = bases[w]! + before
    before += initial.length
    return { kind: 'inside', position: Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, start)) }
  })
}

export function isSeeded(doc: Y.Doc, anchors: readonly SectionAnchor[]): boolean {
  return anchors.every((anchor) => {
    if (anchor.kind === 'paragraph') return contentOf(doc).length > anchor.index
    const position = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(anchor.position), doc)
    return position !== null
  })
}

interface Section {
  text: Y.Text | Y.XmlText
  start: number
  /** Characters of the section: the whole paragraph, or what lies after the start in a large text. */
  length: number
}

function sectionOf(doc: Y.Doc, anchor: SectionAnchor): Section {
  if (anchor.kind === 'paragraph') {
    const text = (contentOf(doc).get(anchor.index) as Y.XmlElement).get(0) as Y.XmlText
    return { text, start: 0, length: text.length }
  }
  const text = doc.getText(largeTextName)
  const position = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(anchor.position), doc)
  const start = position?.index ?? 0
  return { text, start, length: text.length - start }
}

/** What one operation changed, as a receiver can check it: its insertions' clock and the items it deleted. */
export interface Footprint {
  client: number
  /** The writer's clock after the operation: a receiver holding it has every insertion. */
  clock: number
  /** Deleted items as [client, clock, length] runs. */
  deleted: [number, number, number][]
}

/** Notes the last local transaction of a writer's document, to read an operation's footprint from it. */
export class FootprintRecorder {
  private last: Y.Transaction | null = null
  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', (transaction: Y.Transaction) => {
      if (transaction.local) this.last = transaction
    })
  }

  /**
   * Applies one operation to the writer's own section in one transaction. Trace positions are kept as they
   * are, clamped to the section (a replay that dropped part of the trace can run past its end). Returns
   * null when the operation changed nothing, so that nobody waits for it.
   */
  apply(anchor: SectionAnchor, patches: readonly Patch[]): Footprint | null {
    this.last = null
    this.doc.transact(() => {
      for (const [pos, del, ins] of patches) {
        const section = sectionOf(this.doc, anchor)
        const at = Math.min(pos, section.length)
        const count = Math.min(del, section.length - at)
        if (count > 0) section.text.delete(section.start + at, count)
        if (ins.length > 0) section.text.insert(section.start + at, ins)
      }
    })
    const transaction = this.last as Y.Transaction | null
    if (!transaction) return null
    const deleted: [number, number, number][] = []
    for (const [client, items] of transaction.deleteSet.clients) {
      for (const item of items) deleted.push([client, item.clock, item.len])
    }
    const client = this.doc.clientID
    const clock = transaction.afterState.get(client) ?? 0
    if (deleted.length === 0 && clock === (transaction.beforeState.get(client) ?? 0)) return null
    return { client, clock, deleted }
  }
}

/** Whether `doc` holds everything the operation did. */
export function hasSeen(doc: Y.Doc, footprint: Footprint): boolean {
  if (Y.getState(doc.store, footprint.client) < footprint.clock) return false
  for (const [client, clock, length] of footprint.deleted) {
    if (Y.getState(doc.store, client) < clock + length) return false
    const structs = doc.store.clients.get(client)!
    for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + length; i++) {
      if (!structs[i]!.deleted) return false
    }
  }
  return true
}

/** A short fingerprint of what a reader sees: the content and, in a large document, its text. */
export function digestOf(doc: Y.Doc): string {
  const hash = createHash('sha256').update(contentOf(doc).toString())
  if (doc.share.has(largeTextName)) hash.update('\u0000').update(doc.getText(largeTextName).toString())
  return hash.digest('hex').slice(0, 16)
}
