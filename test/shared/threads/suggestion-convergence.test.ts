/**
 * Suggestions accepted and rejected under concurrent editing. Three copies type, delete and suggest
 * around each other's passages and sync in random orders; one of them, the document's owner, accepts
 * or rejects what it finds. Afterwards all copies agree on the text and on every suggestion's status,
 * and the text holds only what was typed or accepted: an accepted suggestion's quoted words are gone
 * (it was applied to exactly them), a suggestion that was not accepted left no trace. Every character
 * ever typed or proposed is unique, so this can be checked.
 */
import { describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { contentOf, plainText, textNodes } from '../../../shared/threads/thread-anchor.ts'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import {
  acceptSuggestion,
  createSuggestion,
  rejectSuggestion,
  suggestionStatus,
} from '../../../shared/threads/suggestions.ts'
import {
  deleteAtRandom,
  editAndSyncRandomly,
  expectAllAgree,
  randomChoices,
  threeCopies,
  typeAtRandom,
} from './random-copies.ts'
import { copyOf, docWithParagraphs, sync, syncAll } from './thread-fixtures.ts'

interface Proposed {
  quote: string
  replacement: string
}

const statuses = (doc: Y.Doc) =>
  Object.fromEntries([...threadsOf(doc).keys()].sort().map((id) => [id, suggestionStatus(doc, id)]))

function runScenario(seed: number): { accepted: number; stale: number } {
  const choices = randomChoices(seed)
  const { random, pick, fresh } = choices
  const clients = threeCopies([fresh(14), fresh(10), fresh(16)])
  const [owner] = clients
  const proposed = new Map<string, Proposed>()
  let accepted = 0
  let staleSeen = 0

  const suggest = (doc: Y.Doc): void => {
    const nodes = textNodes(contentOf(doc)).filter((node) => node.length > 1)
    if (nodes.length === 0) return
    const text = nodes[pick(nodes.length)]!
    const from = pick(text.length - 1)
    const to = Math.min(text.length, from + 1 + pick(6))
    const id = `s${proposed.size + 1}`
    const replacement = random() < 0.2 ? '' : fresh(1 + pick(4))
    createSuggestion(doc, {
      id,
      kind: 'proposal',
      authorId: `u${doc.clientID}`,
      body: '建议改成',
      start: { text, offset: from },
      end: { text, offset: to },
      replacement,
    })
    proposed.set(id, { quote: String(text).slice(from, to), replacement })
  }

  const decide = (): void => {
    const undecided = [...threadsOf(owner).keys()].filter((id) => {
      const status = suggestionStatus(owner, id)
      return status === 'pending' || status === 'stale'
    })
    if (undecided.length === 0) return
    const id = undecided[pick(undecided.length)]!
    if (suggestionStatus(owner, id) === 'stale') {
      staleSeen++
      expect(() => acceptSuggestion(owner, id, 'owner')).toThrow(/原文已经改动/)
      rejectSuggestion(owner, id, 'owner')
    } else if (random() < 0.75) {
      const before = plainText(contentOf(owner))
      acceptSuggestion(owner, id, 'owner')
      accepted++
      const { quote, replacement } = proposed.get(id)!
      // Applied to its quote and nothing else: taking the replacement back out gives the text before.
      const after = plainText(contentOf(owner))
      const at = replacement === '' ? null : after.indexOf(replacement)
      if (at !== null) expect(after.slice(0, at) + quote + after.slice(at + replacement.length)).toBe(before)
      else expect(before.replace(quote, '')).toBe(after)
    } else {
      rejectSuggestion(owner, id, 'owner')
    }
  }

  const edit = (doc: Y.Doc): void => {
    const nodes = textNodes(contentOf(doc))
    const roll = random()
    if (roll < 0.35) {
      typeAtRandom(choices, nodes, 2)
    } else if (roll < 0.55) {
      deleteAtRandom(choices, nodes, 2)
    } else if (roll < 0.8) {
      suggest(doc)
    } else if (doc === owner) {
      decide()
    }
  }

  const typed = new Set(plainText(contentOf(owner)))
  const noteTyped = (doc: Y.Doc) => {
    for (const char of plainText(contentOf(doc))) typed.add(char)
  }
  editAndSyncRandomly(clients, choices, (doc) => {
    const acceptedBefore = accepted
    edit(doc)
    if (accepted === acceptedBefore) noteTyped(doc)
  })

  const reference = expectAllAgree(clients, (doc) => ({ text: plainText(contentOf(doc)), statuses: statuses(doc) }))
  const text = reference.text
  for (const [id, { quote, replacement }] of proposed) {
    const status = reference.statuses[id]
    if (status === 'accepted') {
      for (const char of quote) expect(text.includes(char), `${char} of ${id}'s quote`).toBe(false)
    } else {
      for (const char of replacement) expect(text.includes(char), `${char} of ${id} (${status})`).toBe(false)
    }
  }
  const acceptedReplacements = [...proposed]
    .filter(([id]) => reference.statuses[id] === 'accepted')
    .map(([, { replacement }]) => replacement)
    .join('')
  for (const char of text.replace(/\n/g, '')) {
    expect(typed.has(char) || acceptedReplacements.includes(char), `${char} typed or accepted`).toBe(true)
  }
  return { accepted, stale: staleSeen }
}

const seeds = Array.from({ length: 20 }, (_, i) => i + 1)

describe('suggestions under concurrent editing, random', () => {
  for (const seed of seeds) {
    it(`converge, applied only to their quotes (seed ${seed})`, () => {
      runScenario(seed)
    })
  }

  it('exercise accepting and finding suggestions stale', () => {
    const outcomes = seeds.map(runScenario)
    expect(outcomes.reduce((sum, { accepted }) => sum + accepted, 0)).toBeGreaterThan(40)
    expect(outcomes.reduce((sum, { stale }) => sum + stale, 0)).toBeGreaterThan(20)
  })
})

describe('suggestions under concurrent editing, by case', () => {
  const passage = '先独立思考，再小组讨论'

  function setup() {
    const owner = docWithParagraphs([passage], 1)
    const other = copyOf(owner, 2)
    const suggest = (doc: Y.Doc, id: string, from: number, to: number, replacement: string) => {
      const text = textNodes(contentOf(doc))[0]!
      createSuggestion(doc, {
        id,
        kind: 'proposal',
        authorId: `u${doc.clientID}`,
        body: '',
        start: { text, offset: from },
        end: { text, offset: to },
        replacement,
      })
    }
    const text = (doc: Y.Doc) => plainText(contentOf(doc))
    return { owner, other, suggest, text }
  }

  it('an accept and typing inside the passage at the same time: both kept, everywhere the same', () => {
    const { owner, other, suggest, text } = setup()
    suggest(owner, 's', 6, 11, '合作探究')
    sync(owner, other)
    acceptSuggestion(owner, 's', 'owner')
    textNodes(contentOf(other))[0]!.insert(8, '（四人）')
    syncAll([owner, other])
    expect(text(owner)).toBe(text(other))
    // The replacement goes where the quote ended, so the words typed inside it come first.
    expect(text(owner)).toBe('先独立思考，（四人）合作探究')
    expect(suggestionStatus(other, 's')).toBe('accepted')
  })

  it('typing right next to the passage while it is accepted stays outside it', () => {
    const { owner, other, suggest, text } = setup()
    suggest(owner, 's', 0, 5, '自学')
    sync(owner, other)
    acceptSuggestion(owner, 's', 'owner')
    const node = textNodes(contentOf(other))[0]!
    node.insert(5, '后')
    node.insert(0, '前')
    syncAll([owner, other])
    expect(text(owner)).toBe(text(other))
    expect(text(owner)).toBe('前自学后，再小组讨论')
  })

  it('two overlapping suggestions from two authors: accepting one leaves the other stale on every copy', () => {
    const { owner, other, suggest, text } = setup()
    suggest(owner, 'first', 0, 5, '独立阅读')
    suggest(other, 'second', 3, 9, '思考后小组')
    syncAll([owner, other])
    acceptSuggestion(owner, 'first', 'owner')
    syncAll([owner, other])
    expect(suggestionStatus(other, 'second')).toBe('stale')
    expect(() => acceptSuggestion(other, 'second', 'owner')).toThrow(/原文已经改动/)
    rejectSuggestion(owner, 'second', 'owner')
    syncAll([owner, other])
    expect(statuses(other)).toEqual({ first: 'accepted', second: 'rejected' })
    expect(text(other)).toBe('独立阅读，再小组讨论')
  })

  it('an edit of the words arriving before the accept makes it stale instead of applied to other text', () => {
    const { owner, other, suggest, text } = setup()
    suggest(owner, 's', 6, 11, '合作探究')
    sync(owner, other)
    textNodes(contentOf(other))[0]!.delete(8, 2)
    sync(other, owner)
    expect(suggestionStatus(owner, 's')).toBe('stale')
    expect(() => acceptSuggestion(owner, 's', 'owner')).toThrow(/原文已经改动/)
    expect(text(owner)).toBe('先独立思考，再小论')
  })

  it('a deletion across the passage while it is accepted: the text converges without the quote', () => {
    const { owner, other, suggest, text } = setup()
    suggest(owner, 's', 6, 11, '合作探究')
    sync(owner, other)
    acceptSuggestion(owner, 's', 'owner')
    textNodes(contentOf(other))[0]!.delete(4, 5)
    syncAll([owner, other])
    expect(text(owner)).toBe(text(other))
    expect(text(owner)).toBe('先独立思合作探究')
  })
})
