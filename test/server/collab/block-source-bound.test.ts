/**
 * [LIBRARY-11] A block's 来源 is stored only as one short string of a fixed shape, whoever sends it, so
 * readers and the export can trust its size and shape.
 */
import { beforeEach, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ThreadGuard } from '../../../server/collab/thread-guard.ts'
import { contentOf } from '../../../shared/threads/thread-anchor.ts'
import type { ThreadActor } from '../../../shared/threads/thread-rules.ts'
import { docWithParagraphs, updateOf } from '../../shared/threads/thread-fixtures.ts'
import { match } from '../../helpers/match.ts'

let room: Y.Doc
let guard: ThreadGuard

beforeEach(() => {
  room = docWithParagraphs(['理解一元一次方程的概念'], 1)
  guard = new ThreadGuard({ diff: (stateVector) => Y.encodeStateAsUpdate(room, stateVector), unstored: () => [] })
})

const editor: ThreadActor = { userId: 'zhang', access: 'edit', moderator: false }

function setSource(value: unknown) {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room))
  const paragraph = contentOf(copy).get(0) as Y.XmlElement
  const update = updateOf(copy, () => paragraph.setAttribute('blockSource', value as string))
  return guard.review(update, Y.decodeUpdate(update), editor)
}

it('[LIBRARY-11] accepts a source naming a document or a version, and its removal', () => {
  expect(setSource('document:7d3c2a9e-1b4f-4c1e-9a55-0c3b8f2d6e11').allowed).toBe(true)
  expect(setSource('version:7d3c2a9e-1b4f-4c1e-9a55-0c3b8f2d6e11').allowed).toBe(true)
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room))
  const update = updateOf(copy, () => (contentOf(copy).get(0) as Y.XmlElement).removeAttribute('blockSource'))
  expect(guard.review(update, Y.decodeUpdate(update), editor).allowed).toBe(true)
})

it('[LIBRARY-11] refuses a source that is too long, of another shape, or not a string', () => {
  for (const value of [
    `document:${'a'.repeat(65)}`,
    'x'.repeat(100_000),
    'javascript:alert(1)',
    'document:',
    { kind: 'document', id: 'a' },
    42,
  ]) {
    expect(setSource(value)).toEqual({ allowed: false, reason: match.stringMatching(/来源/) })
  }
})
