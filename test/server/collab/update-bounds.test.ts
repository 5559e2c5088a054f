/**
 * What the guard refuses for its shape, whatever the sender's access: values a thread cannot hold,
 * content nested past `limits.maxContentDepth`, references that can never be integrated. The guard
 * reads these without recursion, so the depths used here are far past any stack.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { limits } from '../../../shared/limits.ts'
import { contentOf, pointAt } from '../../../shared/threads/thread-anchor.ts'
import { addReply, createThread } from '../../../shared/threads/thread-edits.ts'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import type { ThreadActor } from '../../../shared/threads/thread-rules.ts'
import { ThreadGuard } from '../../../server/collab/thread-guard.ts'
import { encodeHostileUpdate, nestedMaps } from '../../helpers/hostile-updates.ts'
import { match } from '../../helpers/match.ts'
import { copyOf, docWithParagraphs, updateOf } from '../../shared/threads/thread-fixtures.ts'

let room: Y.Doc
let guard: ThreadGuard
let diffs: number

beforeEach(() => {
  room = docWithParagraphs(['理解一元一次方程的概念', '先独立思考，再小组讨论'], 1)
  diffs = 0
  guard = guardOver(room)
})

function guardOver(doc: Y.Doc): ThreadGuard {
  return new ThreadGuard({
    diff: (stateVector) => {
      diffs++
      return Y.encodeStateAsUpdate(doc, stateVector)
    },
    unstored: () => [],
  })
}

const guest: ThreadActor = { userId: 'guest', access: 'comment', moderator: false }
const editor: ThreadActor = { userId: 'zhang', access: 'edit', moderator: false }

function submit(update: Uint8Array, actor: ThreadActor) {
  const verdict = guard.review(update, Y.decodeUpdate(update), actor)
  if (verdict.allowed) Y.applyUpdate(room, update)
  return verdict
}

const allowed = { allowed: true, activity: match.any(Array) }
const refusedWith = (pattern: RegExp) => ({ allowed: false, reason: match.stringMatching(pattern) })

function newThread(doc: Y.Doc, authorId: string, change: (thread: Y.Map<unknown>) => void = () => {}): Uint8Array {
  return updateOf(doc, () =>
    doc.transact(() => {
      createThread(doc, {
        id: `t-${authorId}`,
        kind: 'question',
        authorId,
        body: '为什么这样安排？',
        start: pointAt(contentOf(doc), 2),
        end: pointAt(contentOf(doc), 8),
      })
      change(threadsOf(doc).get(`t-${authorId}`)!)
    }),
  )
}

/** Y.Maps nested `depth` deep under `holder[key]`, built level by level (a prelim tree would recurse). */
function nestMaps(holder: Y.Map<unknown>, key: string, depth: number): void {
  let map = new Y.Map<unknown>()
  holder.set(key, map)
  for (let level = 1; level < depth; level++) {
    const inner = new Y.Map<unknown>()
    map.set('m', inner)
    map = inner
  }
}

/** Blockquotes nested `depth` deep in the content (the paragraph and its text add two more levels). */
function nestedContent(doc: Y.Doc, depth: number): Uint8Array {
  return updateOf(doc, () =>
    doc.transact(() => {
      let element: Y.XmlElement | Y.XmlFragment = contentOf(doc)
      for (let level = 0; level < depth; level++) {
        const inner: Y.XmlElement = new Y.XmlElement('blockquote')
        element.insert(element.length, [inner])
        element = inner
      }
      const paragraph = new Y.XmlElement('paragraph')
      element.insert(0, [paragraph])
      paragraph.insert(0, [new Y.XmlText('深')])
    }),
  )
}

describe('thread values', () => {
  it('[BOUNDS-1] a guest’s mentions nested 12,000 maps deep are refused before they are integrated', () => {
    const attack = newThread(copyOf(room, 10), 'guest', (thread) => nestMaps(thread, 'mentions', 12_000))
    expect(submit(attack, guest)).toEqual({ allowed: false, reason: match.stringMatching(/嵌套太深/) })
    expect(threadsOf(room).size).toBe(0)
    expect(submit(newThread(copyOf(room, 11), 'guest'), guest)).toEqual(allowed)
  })

  it('[BOUNDS-4] a guest’s mentions that are not a list of user ids are refused', () => {
    let nested: unknown = ['u-1']
    for (let level = 0; level < 2_000; level++) nested = [nested]
    for (const mentions of [
      nested,
      [['u-1']],
      { 'u-1': true },
      'u-1',
      Array.from({ length: 201 }, (_, i) => `u-${i}`),
    ]) {
      const update = newThread(copyOf(room, 10), 'guest', (thread) => thread.set('mentions', mentions))
      expect(submit(update, guest)).toEqual(refusedWith(/mentions|嵌套太深/))
    }
    expect(threadsOf(room).size).toBe(0)
  })

  it('[BOUNDS-4] every field of a new thread has its type and length', () => {
    const cases: [string, unknown][] = [
      ['createdAt', 'yesterday'],
      ['quote', 'x'.repeat(limits.maxThreadQuoteChars + 1)],
      ['anchorStart', new Uint8Array(limits.maxThreadAnchorBytes + 1)],
      ['resolvedBy', { id: 'guest' }],
      ['kind', 'rumour'],
    ]
    for (const [field, value] of cases) {
      const update = newThread(copyOf(room, 10), 'guest', (thread) => thread.set(field, value))
      expect(submit(update, guest)).not.toEqual(allowed)
    }
    const body = newThread(copyOf(room, 10), 'guest', (thread) => thread.set('body', new Y.Map()))
    expect(submit(body, guest)).toEqual(refusedWith(/body/))
    const extra = newThread(copyOf(room, 10), 'guest', (thread) => thread.set('colour', 'red'))
    expect(submit(extra, guest)).toEqual(refusedWith(/colour/))
    const missing = newThread(copyOf(room, 10), 'guest', (thread) => thread.delete('replies'))
    expect(submit(missing, guest)).toEqual(refusedWith(/缺少/))
    expect(threadsOf(room).size).toBe(0)
  })

  it('[BOUNDS-4] a body holds only words and its three marks, up to its length', () => {
    const embed = newThread(copyOf(room, 10), 'guest', (thread) =>
      (thread.get('body') as Y.Text).insertEmbed(0, { image: 'x' }),
    )
    expect(submit(embed, guest)).toEqual(refusedWith(/加粗/))
    const mark = newThread(copyOf(room, 10), 'guest', (thread) =>
      (thread.get('body') as Y.Text).format(0, 2, { link: 'x' }),
    )
    expect(submit(mark, guest)).toEqual(refusedWith(/加粗/))
    const long = newThread(copyOf(room, 10), 'guest', (thread) =>
      (thread.get('body') as Y.Text).insert(0, 'x'.repeat(limits.maxThreadBodyChars)),
    )
    expect(submit(long, guest)).toEqual(refusedWith(/太长/))
    const inBody = newThread(copyOf(room, 10), 'guest', (thread) =>
      (thread.get('body') as Y.Text).insertEmbed(0, new Y.Map()),
    )
    expect(submit(inBody, guest)).not.toEqual(allowed)
    expect(threadsOf(room).size).toBe(0)
    const fine = newThread(copyOf(room, 10), 'guest', (thread) =>
      (thread.get('body') as Y.Text).format(0, 2, { bold: true }),
    )
    expect(submit(fine, guest)).toEqual(allowed)
  })

  it('[BOUNDS-4] a reply has its own fields and nothing else', () => {
    submit(newThread(copyOf(room, 10), 'guest'), guest)
    const doc = copyOf(room, 11)
    const badReply = updateOf(doc, () =>
      doc.transact(() => {
        const id = addReply(doc, 't-guest', { authorId: 'guest', body: '补充' })
        const replies = threadsOf(doc).get('t-guest')!.get('replies') as Y.Array<Y.Map<unknown>>
        replies.get(replies.length - 1).set('extra', { deep: [1] })
        return id
      }),
    )
    expect(submit(badReply, guest)).toEqual(refusedWith(/回复的格式/))
    const loose = copyOf(room, 12)
    const notAMap = updateOf(loose, () =>
      (threadsOf(loose).get('t-guest')!.get('replies') as Y.Array<unknown>).push(['字']),
    )
    expect(submit(notAMap, guest)).not.toEqual(allowed)
  })
})

describe('content nesting', () => {
  it(`[BOUNDS-2] an editor’s content may nest ${limits.maxContentDepth} deep, on the fast path`, () => {
    // Blockquotes, then the paragraph, then its text: the characters sit at the limit.
    const update = nestedContent(copyOf(room, 10), limits.maxContentDepth - 3)
    expect(submit(update, editor)).toEqual(allowed)
    expect(diffs).toBe(1)
  })

  it('[BOUNDS-2] an editor’s content nested one deeper is refused, and the guard goes on', () => {
    expect(submit(nestedContent(copyOf(room, 10), limits.maxContentDepth - 2), editor)).toEqual(refusedWith(/嵌套太深/))
    expect(submit(nestedContent(copyOf(room, 11), 3_000), editor)).toEqual(refusedWith(/嵌套太深/))
    const fine = copyOf(room, 12)
    expect(
      submit(
        updateOf(fine, () => contentOf(fine).insert(0, [new Y.XmlElement('paragraph')])),
        editor,
      ),
    ).toEqual(allowed)
  })

  it('[BOUNDS-2] nesting is counted across updates: one level at a time reaches the limit and stops', () => {
    const doc = copyOf(room, 10)
    let element: Y.XmlElement | Y.XmlFragment = contentOf(doc)
    let verdict: ReturnType<typeof submit> = { allowed: true, activity: [] }
    let levels = 0
    while (verdict.allowed && levels < limits.maxContentDepth + 5) {
      const holder: Y.XmlElement | Y.XmlFragment = element
      const inner = new Y.XmlElement('blockquote')
      verdict = submit(
        updateOf(doc, () => holder.insert(0, [inner])),
        editor,
      )
      element = inner
      levels++
    }
    expect(levels).toBe(limits.maxContentDepth + 1)
    expect(verdict).toEqual(refusedWith(/嵌套太深/))
  })

  it('[BOUNDS-3] a value nested past the limit in an attribute is refused', () => {
    const doc = copyOf(room, 10)
    let value: unknown = 'x'
    for (let level = 0; level <= limits.maxValueDepth; level++) value = { v: value }
    const update = updateOf(doc, () => (contentOf(doc).get(0) as Y.XmlElement).setAttribute('data', value as never))
    expect(submit(update, editor)).toEqual(refusedWith(/数据嵌套太深/))
  })

  it('[BOUNDS-5] structs that refer to each other in a circle are judged in full and refused', () => {
    const circle = encodeHostileUpdate([
      { id: [50, 0], origin: [51, 0], content: { text: '甲' } },
      { id: [51, 0], origin: [50, 0], content: { text: '乙' } },
    ])
    expect(submit(circle, editor)).toEqual(refusedWith(/重新连接/))
    expect(Y.decodeStateVector(Y.encodeStateVector(room)).has(50)).toBe(false)
  })

  it('[BOUNDS-5] an item that is its own origin or parent is refused, not an internal error', () => {
    // Found by the hostile-client suite: Yjs threw while integrating it, and the sender got 1011.
    const selves = [
      encodeHostileUpdate([{ id: [52, 0], origin: [52, 0], content: { text: '我' } }]),
      encodeHostileUpdate([{ id: [53, 0], rightOrigin: [53, 0], content: { text: '我' } }]),
      encodeHostileUpdate([{ id: [54, 0], parent: [54, 0], parentSub: 'self', content: { type: 'map' } }]),
    ]
    for (const self of selves) expect(submit(self, editor)).toEqual(refusedWith(/自相矛盾/))
    const fine = copyOf(room, 12)
    expect(
      submit(
        updateOf(fine, () => contentOf(fine).insert(0, [new Y.XmlElement('paragraph')])),
        editor,
      ),
    ).toEqual(allowed)
  })

  it('[BOUNDS-2] a type whose parent item holds no type nests nothing', () => {
    const paragraph = (contentOf(room).get(0) as Y.XmlElement).get(0) as Y.XmlText
    const character = paragraph._start!.id
    const orphan = encodeHostileUpdate(nestedMaps(60, [character.client, character.clock], 3, 'x'))
    expect(submit(orphan, editor)).toEqual(allowed)
  })
})

describe('a stored document deeper than any stack', () => {
  it('[BOUNDS-1] loads into the guard and is judged, instead of overflowing on every update', () => {
    // Stored before there was a limit: the guard must still read it.
    const doc = copyOf(room, 10)
    Y.applyUpdate(
      room,
      newThread(doc, 'guest', (thread) => nestMaps(thread, 'extra', 12_000)),
    )
    guard = guardOver(room)
    const next = copyOf(room, 11)
    const reply = updateOf(next, () => addReply(next, 't-guest', { authorId: 'guest', body: '补充' }))
    expect(submit(reply, guest)).toEqual(allowed)
    const typist = copyOf(room, 12)
    expect(
      submit(
        updateOf(typist, () => contentOf(typist).insert(0, [new Y.XmlElement('paragraph')])),
        editor,
      ),
    ).toEqual(allowed)
  })
})
