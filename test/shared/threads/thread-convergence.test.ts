/**
 * Property: three clients edit around anchored threads concurrently (insertions and deletions before,
 * inside, after and across the passages, whole paragraphs added and removed, new threads) and sync in
 * random orders. Afterwards all copies agree on every thread's words, and each thread is still on the
 * words it was created on: every character of its range is either one of its quoted characters or
 * one typed after it was created. Every character ever typed is unique, so this can be checked. A
 * thread within one paragraph is 原文已删除 only once none of its quoted characters is left.
 */
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { contentOf, plainText, pointAt, textNodes } from '../../../shared/threads/thread-anchor.ts'
import { createThread } from '../../../shared/threads/thread-edits.ts'
import { listThreads } from '../../../shared/threads/thread-list.ts'
import {
  deleteAtRandom,
  editAndSyncRandomly,
  expectAllAgree,
  randomChoices,
  threeCopies,
  typeAtRandom,
} from './random-copies.ts'
import { paragraph, syncAll } from './thread-fixtures.ts'

interface Created {
  quote: Set<string>
  withinParagraph: boolean
  presentAtCreation: Set<string>
}

/** Returns how many threads ended up 原文已删除 and how many still on some of their words. */
function runScenario(seed: number): { deleted: number; kept: number } {
  const choices = randomChoices(seed)
  const { random, pick, fresh } = choices
  const clients = threeCopies([fresh(12), fresh(9), fresh(15), fresh(6)])
  const created = new Map<string, Created>()
  let threadCount = 0

  const addThread = (doc: Y.Doc): void => {
    const text = plainText(contentOf(doc))
    if (text.replace(/\n/g, '').length < 2) return
    const from = pick(text.length - 1)
    const to = Math.min(text.length, from + 1 + pick(8))
    const id = `t${++threadCount}`
    createThread(doc, {
      id,
      kind: 'proposal',
      authorId: `u${doc.clientID}`,
      body: '建议',
      start: pointAt(contentOf(doc), from),
      end: pointAt(contentOf(doc), to),
    })
    const quote = text.slice(from, to)
    created.set(id, {
      quote: new Set(quote.replace(/\n/g, '')),
      withinParagraph: !quote.includes('\n'),
      presentAtCreation: new Set(text),
    })
  }

  const edit = (doc: Y.Doc): void => {
    const content = contentOf(doc)
    const nodes = textNodes(content)
    const roll = random()
    if (nodes.length === 0 || roll < 0.06) {
      content.insert(pick(content.length + 1), [paragraph(fresh(1 + pick(6)))])
    } else if (roll < 0.1 && content.length > 1) {
      content.delete(pick(content.length), 1)
    } else if (roll < 0.5) {
      typeAtRandom(choices, nodes, 3)
    } else if (roll < 0.8) {
      deleteAtRandom(choices, nodes, 4)
    } else if (roll < 0.85 && nodes.length > 1) {
      // Across two paragraphs: the tail of one and the head of the next, as a selection deletes text.
      const index = pick(nodes.length - 1)
      const [before, after] = [nodes[index]!, nodes[index + 1]!]
      doc.transact(() => {
        const from = pick(before.length + 1)
        before.delete(from, before.length - from)
        after.delete(0, pick(after.length + 1))
      })
    } else {
      addThread(doc)
    }
  }

  for (let i = 0; i < 4; i++) addThread(clients[pick(3)]!)
  syncAll(clients)
  editAndSyncRandomly(clients, choices, edit)

  const reference = expectAllAgree(clients, (doc) => ({ text: plainText(contentOf(doc)), threads: listThreads(doc) }))
  expect(reference.threads).toHaveLength(threadCount)
  for (const { thread, anchor } of reference.threads) {
    const { quote, withinParagraph, presentAtCreation } = created.get(thread.id)!
    const surviving = [...quote].filter((char) => reference.text.includes(char))
    if (anchor.deleted) {
      if (withinParagraph) expect(surviving, `${thread.id} is 原文已删除`).toEqual([])
      continue
    }
    for (const char of anchor.text.replace(/\n/g, '')) {
      expect(quote.has(char) || !presentAtCreation.has(char), `${char} in ${thread.id}`).toBe(true)
    }
    // Where both ends' paragraphs are still there, no surviving quoted word is lost; a passage cut
    // short to one end's paragraph, the other one removed, keeps only what is left there.
    if (!anchor.relocated) expect([...anchor.text].filter((char) => quote.has(char))).toEqual(surviving)
  }
  const deleted = reference.threads.filter(({ anchor }) => anchor.deleted).length
  return { deleted, kept: threadCount - deleted }
}

const seeds = Array.from({ length: 25 }, (_, i) => i + 1)

describe('threads under concurrent editing', () => {
  for (const seed of seeds) {
    it(`converge with every thread on its own words (seed ${seed})`, () => {
      runScenario(seed)
    })
  }

  it('exercise both outcomes: threads kept and threads whose words were deleted', () => {
    const outcomes = seeds.map(runScenario)
    const sum = (key: 'deleted' | 'kept') => outcomes.reduce((total, outcome) => total + outcome[key], 0)
    expect(sum('deleted')).toBeGreaterThan(50)
    expect(sum('kept')).toBeGreaterThan(50)
  })
})
