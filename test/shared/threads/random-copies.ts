/**
 * The harness of the random convergence properties of threads: three copies of one document edit and
 * sync in random orders from a seed, typing characters never used before, so that any character in
 * the end tells where it came from.
 */
import { expect } from 'vitest'
import type * as Y from 'yjs'
import { randomSource } from '../../helpers/random-source.ts'
import { copyOf, docWithParagraphs, sync, syncAll } from './thread-fixtures.ts'

export interface RandomChoices {
  random: () => number
  /** A whole number from 0 to `n` - 1. */
  pick: (n: number) => number
  /** `length` characters never returned before. */
  fresh: (length: number) => string
}

export function randomChoices(seed: number): RandomChoices {
  const random = randomSource(seed)
  let nextChar = 0x4e00
  return {
    random,
    pick: (n) => Math.floor(random() * n),
    fresh(length) {
      let text = ''
      for (let i = 0; i < length; i++) text += String.fromCodePoint(nextChar++)
      return text
    },
  }
}

/** Types 1 to `most` fresh characters at a random place of one of `paragraphs`. */
export function typeAtRandom({ pick, fresh }: RandomChoices, paragraphs: readonly Y.XmlText[], most: number): void {
  const paragraph = paragraphs[pick(paragraphs.length)]!
  paragraph.insert(pick(paragraph.length + 1), fresh(1 + pick(most)))
}

/** Deletes 1 to `most` characters at a random place of one of `paragraphs`, unless it is empty. */
export function deleteAtRandom({ pick }: RandomChoices, paragraphs: readonly Y.XmlText[], most: number): void {
  const paragraph = paragraphs[pick(paragraphs.length)]!
  if (paragraph.length === 0) return
  const at = pick(paragraph.length)
  paragraph.delete(at, 1 + pick(Math.min(most, paragraph.length - at)))
}

/** A document of these paragraphs as client 1 wrote it, and copies of it on clients 2 and 3. */
export function threeCopies(paragraphs: readonly string[]): [Y.Doc, Y.Doc, Y.Doc] {
  const first = docWithParagraphs(paragraphs, 1)
  return [first, copyOf(first, 2), copyOf(first, 3)]
}

/**
 * Thirty rounds in which each copy in turn makes up to three `edit`s, then up to three one-way syncs
 * go between random copies; at the end every copy has everything.
 */
export function editAndSyncRandomly(
  copies: readonly Y.Doc[],
  { pick }: RandomChoices,
  edit: (doc: Y.Doc) => void,
): void {
  for (let round = 0; round < 30; round++) {
    for (const doc of copies) for (let n = pick(4); n > 0; n--) edit(doc)
    for (let n = pick(4); n > 0; n--) sync(copies[pick(copies.length)]!, copies[pick(copies.length)]!)
  }
  syncAll(copies)
}

/** Expects every copy to look the same through `view`, and returns what they look like. */
export function expectAllAgree<T>(copies: readonly Y.Doc[], view: (doc: Y.Doc) => T): T {
  const [reference, ...others] = copies.map(view)
  for (const other of others) expect(other).toEqual(reference)
  return reference!
}
