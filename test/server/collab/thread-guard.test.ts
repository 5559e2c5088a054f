import { beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { contentOf, pointAt, textNodes } from '../../../shared/threads/thread-anchor.ts'
import {
  addReply,
  createThread,
  deleteThread,
  editThreadBody,
  setReplyMentions,
  setResolved,
} from '../../../shared/threads/thread-edits.ts'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import { acceptSuggestion, createSuggestion, rejectSuggestion } from '../../../shared/threads/suggestions.ts'
import type { ThreadActor } from '../../../shared/threads/thread-rules.ts'
import { ThreadGuard } from '../../../server/collab/thread-guard.ts'
import { copyOf, docWithParagraphs, paragraph, updateOf } from '../../shared/threads/thread-fixtures.ts'
import { match } from '../../helpers/match.ts'

/** The room's state as a Y.Doc; the guard reads it the way it reads a room. */
let room: Y.Doc
let guard: ThreadGuard
let diffs: number

beforeEach(() => {
  room = docWithParagraphs(['理解一元一次方程的概念', '先独立思考，再小组讨论'], 1)
  diffs = 0
  guard = new ThreadGuard({
    diff: (stateVector) => {
      diffs++
      return Y.encodeStateAsUpdate(room, stateVector)
    },
    unstored: () => [],
  })
})

const wang: ThreadActor = { userId: 'wang', access: 'comment', moderator: false }
const li: ThreadActor = { userId: 'li', access: 'comment', moderator: false }
const leader: ThreadActor = { userId: 'chen', access: 'edit', moderator: true }
const editor: ThreadActor = { userId: 'zhang', access: 'edit', moderator: false }

function client(clientID: number): Y.Doc {
  return copyOf(room, clientID)
}

/** Submits an update as the room would, storing it when accepted. */
function submit(update: Uint8Array, actor: ThreadActor) {
  const verdict = guard.review(update, Y.decodeUpdate(update), actor)
  if (verdict.allowed) Y.applyUpdate(room, update)
  return verdict
}

function newThread(doc: Y.Doc, authorId: string, id = `t-${authorId}`): Uint8Array {
  return updateOf(doc, () =>
    createThread(doc, {
      id,
      kind: 'question',
      authorId,
      body: '为什么这样安排？',
      start: pointAt(contentOf(doc), 2),
      end: pointAt(contentOf(doc), 8),
    }),
  )
}

const allowed = { allowed: true, activity: match.any(Array) }
const refusedWith = (pattern: RegExp) => ({ allowed: false, reason: match.stringMatching(pattern) })

describe('a comment connection', () => {
  it('may add a thread and reply in its own name', () => {
    const doc = client(10)
    expect(submit(newThread(doc, 'wang'), wang)).toEqual(allowed)
    expect(
      submit(
        updateOf(doc, () => addReply(doc, 't-wang', { authorId: 'wang', body: '补充' })),
        wang,
      ),
    ).toEqual(allowed)
    expect(threadsOf(room).get('t-wang')?.get('authorId')).toBe('wang')
  })

  it('may not insert into the content', () => {
    const doc = client(10)
    const update = updateOf(doc, () => textNodes(contentOf(doc))[0]!.insert(0, '【改】'))
    expect(submit(update, wang)).toEqual(refusedWith(/正文/))
  })

  it('may not delete one character of the content', () => {
    const doc = client(10)
    const update = updateOf(doc, () => textNodes(contentOf(doc))[1]!.delete(3, 1))
    expect(submit(update, wang)).toEqual(refusedWith(/正文/))
  })

  it('may not slip a content change in with a thread', () => {
    const doc = client(10)
    const update = updateOf(doc, () => {
      newThread(doc, 'wang')
      textNodes(contentOf(doc))[0]!.insert(0, '改')
    })
    expect(submit(update, wang)).toEqual(refusedWith(/正文/))
    expect(threadsOf(room).size).toBe(0)
  })

  it('may not write a thread or a reply under another user’s name', () => {
    const doc = client(10)
    expect(submit(newThread(doc, 'li'), wang)).toEqual(refusedWith(/别人的名义/))
    const other = client(11)
    expect(submit(newThread(other, 'li'), li)).toEqual(allowed)
    const mine = client(12)
    expect(
      submit(
        updateOf(mine, () => addReply(mine, 't-li', { authorId: 'li', body: '我同意' })),
        wang,
      ),
    ).toEqual(refusedWith(/别人的名义回复/))
  })

  it('may change and delete only its own threads', () => {
    const lis = client(11)
    submit(newThread(lis, 'li'), li)
    const doc = client(12)
    expect(
      submit(
        updateOf(doc, () => editThreadBody(doc, 't-li', '改掉你的话')),
        wang,
      ),
    ).toEqual(refusedWith(/自己/))
    expect(
      submit(
        updateOf(doc, () => deleteThread(doc, 't-li')),
        wang,
      ),
    ).toEqual(refusedWith(/自己/))
    const again = client(13)
    expect(
      submit(
        updateOf(again, () => editThreadBody(again, 't-li', '改好了')),
        li,
      ),
    ).toEqual(allowed)
    expect(
      submit(
        updateOf(again, () => deleteThread(again, 't-li')),
        li,
      ),
    ).toEqual(allowed)
    expect(threadsOf(room).size).toBe(0)
  })

  it('may format only its own thread’s and reply’s body', () => {
    submit(newThread(client(11), 'li'), li)
    const replied = client(12)
    submit(
      updateOf(replied, () => addReply(replied, 't-li', { id: 'r-li', authorId: 'li', body: '补充' })),
      li,
    )
    const bodyOf = (doc: Y.Doc) => threadsOf(doc).get('t-li')!.get('body') as Y.Text
    const replyBodyOf = (doc: Y.Doc) =>
      (threadsOf(doc).get('t-li')!.get('replies') as Y.Array<Y.Map<unknown>>).get(0).get('body') as Y.Text
    const forger = client(13)
    expect(
      submit(
        updateOf(forger, () => bodyOf(forger).format(0, 2, { bold: true })),
        wang,
      ),
    ).toEqual(refusedWith(/自己/))
    const replyForger = client(14)
    expect(
      submit(
        updateOf(replyForger, () => replyBodyOf(replyForger).format(0, 2, { italic: true })),
        wang,
      ),
    ).toEqual(refusedWith(/自己/))
    const author = client(15)
    expect(
      submit(
        updateOf(author, () => bodyOf(author).format(0, 2, { bold: true })),
        li,
      ),
    ).toEqual(allowed)
    expect(
      submit(
        updateOf(author, () => replyBodyOf(author).format(0, 2, { italic: true })),
        li,
      ),
    ).toEqual(allowed)
    expect((bodyOf(room).toDelta() as unknown[])[0]).toEqual({ insert: '为什', attributes: { bold: true } })
  })

  it('[MENTION-3] may @mention in its own reply, within the schema’s bound, and change only its own reply’s mentions', () => {
    submit(newThread(client(11), 'li'), li)
    const replied = client(12)
    expect(
      submit(
        updateOf(replied, () =>
          addReply(replied, 't-li', { id: 'r-wang', authorId: 'wang', body: '@李老师 同意', mentions: ['li'] }),
        ),
        wang,
      ),
    ).toEqual({
      allowed: true,
      activity: [expect.objectContaining({ type: 'replyAdded', replyId: 'r-wang', mentions: ['li'] })],
    })
    const tooMany = client(13)
    const crowd = Array.from({ length: 201 }, (_, index) => `u-${index}`)
    expect(
      submit(
        updateOf(tooMany, () => addReply(tooMany, 't-li', { authorId: 'wang', body: '大家看', mentions: crowd })),
        wang,
      ),
    ).toEqual(refusedWith(/mentions/))
    const forger = client(14)
    expect(
      submit(
        updateOf(forger, () => setReplyMentions(forger, 't-li', 'r-wang', ['li', 'chen'])),
        li,
      ),
    ).toEqual(refusedWith(/自己/))
    const author = client(15)
    expect(
      submit(
        updateOf(author, () => setReplyMentions(author, 't-li', 'r-wang', ['li', 'chen'])),
        wang,
      ),
    ).toEqual({
      allowed: true,
      activity: [{ type: 'mentioned', threadId: 't-li', userIds: ['chen'] }],
    })
  })

  it('reports a new thread whose body has marks', () => {
    const doc = client(11)
    const update = updateOf(doc, () =>
      createThread(doc, {
        id: 't-wang',
        kind: 'question',
        authorId: 'wang',
        body: [{ insert: '先' }, { insert: '举例', attributes: { bold: true } }],
        start: pointAt(contentOf(doc), 2),
        end: pointAt(contentOf(doc), 8),
      }),
    )
    expect(submit(update, wang)).toEqual({
      allowed: true,
      activity: [expect.objectContaining({ type: 'threadCreated', threadId: 't-wang' })],
    })
  })

  it('may not change who wrote its own thread', () => {
    const doc = client(10)
    submit(newThread(doc, 'wang'), wang)
    const update = updateOf(doc, () => threadsOf(doc).get('t-wang')!.set('authorId', 'li'))
    expect(submit(update, wang)).toEqual(refusedWith(/不能修改/))
  })

  it('resolves as the rules say, and only in its own name', () => {
    submit(newThread(client(11), 'li'), li)
    const doc = client(12)
    expect(
      submit(
        updateOf(doc, () => setResolved(doc, 't-li', true, 'wang')),
        wang,
      ),
    ).toEqual(refusedWith(/备课组长/))
    const leaders = client(13)
    expect(
      submit(
        updateOf(leaders, () => setResolved(leaders, 't-li', true, 'li')),
        leader,
      ),
    ).toEqual(refusedWith(/自己的名义/))
    // A fresh copy: the refused change stays in the old one, and what follows it there builds on it.
    const honest = client(15)
    expect(
      submit(
        updateOf(honest, () => setResolved(honest, 't-li', true, 'chen')),
        leader,
      ),
    ).toEqual(allowed)
    const author = client(14)
    expect(
      submit(
        updateOf(author, () => setResolved(author, 't-li', false, 'li')),
        li,
      ),
    ).toEqual(allowed)
  })

  it('keeps working after a refusal', () => {
    const doc = client(10)
    submit(
      updateOf(doc, () => textNodes(contentOf(doc))[0]!.insert(0, '改')),
      wang,
    )
    const fresh = client(11)
    expect(submit(newThread(fresh, 'wang'), wang)).toEqual(allowed)
  })

  it('refuses an update it cannot place, instead of letting it wait unjudged', () => {
    const doc = client(10)
    newThread(doc, 'wang')
    const reply = updateOf(doc, () => addReply(doc, 't-wang', { authorId: 'wang', body: '先回复' }))
    expect(submit(reply, wang)).toEqual(refusedWith(/重新连接/))
  })
})

describe('an edit connection', () => {
  it('edits the content on the fast path, without reading the room', () => {
    const doc = client(20)
    submit(
      updateOf(doc, () => textNodes(contentOf(doc))[0]!.insert(0, '一、')),
      editor,
    )
    const before = diffs
    for (let i = 0; i < 20; i++) {
      expect(
        submit(
          updateOf(doc, () => textNodes(contentOf(doc))[0]!.insert(2, `${i}`)),
          editor,
        ),
      ).toEqual(allowed)
    }
    expect(diffs).toBe(before)
  })

  it('may not forge a thread, while its content edits pass', () => {
    const doc = client(20)
    expect(submit(newThread(doc, 'wang'), editor)).toEqual(refusedWith(/别人的名义/))
    const next = client(21)
    expect(
      submit(
        updateOf(next, () => textNodes(contentOf(next))[0]!.insert(0, '一、')),
        editor,
      ),
    ).toEqual(allowed)
  })

  it('may not smuggle a change into threads inside an update that waits for one the room has not seen', () => {
    const doc = client(20)
    const creation = newThread(doc, 'zhang')
    const renamed = updateOf(doc, () => threadsOf(doc).get('t-zhang')!.set('authorId', 'wang'))
    expect(submit(renamed, editor)).toEqual(refusedWith(/重新连接/))
    expect(submit(creation, editor)).toEqual(allowed)
    expect(threadsOf(room).get('t-zhang')!.get('authorId')).toBe('zhang')
  })

  it('may not write into another user’s thread', () => {
    submit(newThread(client(11), 'li'), li)
    const doc = client(20)
    // Typed into the body's text: only the item's origin says it lies inside the thread.
    const update = updateOf(doc, () => (threadsOf(doc).get('t-li')!.get('body') as Y.Text).insert(2, '不'))
    expect(submit(update, editor)).toEqual(refusedWith(/自己/))
  })

  it('knows the threads of a room it has checked nothing in yet, stored or on their way', () => {
    const stored = newThread(client(11), 'li')
    Y.applyUpdate(room, stored)
    const unstored = newThread(client(12), 'wang')
    // A guard that starts with the room as loaded, without having seen either thread arrive.
    guard = new ThreadGuard({
      diff: (stateVector) => Y.encodeStateAsUpdate(room, stateVector),
      unstored: () => [unstored],
    })
    const first = client(20)
    const intoStored = updateOf(first, () => (threadsOf(first).get('t-li')!.get('body') as Y.Text).insert(2, '不'))
    expect(guard.review(intoStored, Y.decodeUpdate(intoStored), editor)).toEqual(refusedWith(/自己/))
    const second = client(21)
    Y.applyUpdate(second, unstored)
    const intoUnstored = updateOf(second, () =>
      (threadsOf(second).get('t-wang')!.get('body') as Y.Text).insert(2, '不'),
    )
    expect(guard.review(intoUnstored, Y.decodeUpdate(intoUnstored), editor)).toEqual(refusedWith(/自己/))
  })
})

describe('suggestions', () => {
  const commentingOwner: ThreadActor = { userId: 'chen', access: 'comment', moderator: true }

  function newSuggestion(doc: Y.Doc, authorId: string, id = `s-${authorId}`): Uint8Array {
    return updateOf(doc, () =>
      createSuggestion(doc, {
        id,
        kind: 'proposal',
        authorId,
        body: '这样说更准确',
        start: pointAt(contentOf(doc), 2),
        end: pointAt(contentOf(doc), 8),
        replacement: '二元一次方程组',
      }),
    )
  }

  const decisionBy = (doc: Y.Doc, id: string, decision: string, by: string) =>
    updateOf(doc, () =>
      doc.transact(() => {
        const thread = threadsOf(doc).get(id)!
        thread.set('decision', decision)
        thread.set('decidedBy', by)
        thread.set('decidedAt', 5000)
      }),
    )

  beforeEach(() => {
    submit(newSuggestion(client(10), 'wang'), wang)
  })

  it('a commenter may propose one; the owner accepts it, content and record together', () => {
    expect(threadsOf(room).get('s-wang')?.get('suggestion')).toBe('二元一次方程组')
    const doc = client(30)
    expect(
      submit(
        updateOf(doc, () => acceptSuggestion(doc, 's-wang', 'chen')),
        leader,
      ),
    ).toEqual(allowed)
    expect(textNodes(contentOf(room))[0]!.toString()).toBe('理解二元一次方程组的概念')
    expect(threadsOf(room).get('s-wang')!.get('decision')).toBe('accepted')
  })

  it('an owner who may only comment can reject, but not accept', () => {
    const accepting = client(30)
    expect(
      submit(
        updateOf(accepting, () => acceptSuggestion(accepting, 's-wang', 'chen')),
        commentingOwner,
      ),
    ).toEqual(refusedWith(/正文/))
    const recordOnly = client(31)
    expect(submit(decisionBy(recordOnly, 's-wang', 'accepted', 'chen'), commentingOwner)).toEqual(
      refusedWith(/编辑权限/),
    )
    const rejecting = client(32)
    const rejection = updateOf(rejecting, () => rejectSuggestion(rejecting, 's-wang', 'chen'))
    expect(submit(rejection, commentingOwner)).toEqual(allowed)
  })

  it('nobody but a moderator decides, not even its author or an editor', () => {
    const author = client(30)
    expect(
      submit(
        updateOf(author, () => rejectSuggestion(author, 's-wang', 'wang')),
        wang,
      ),
    ).toEqual(refusedWith(/主人和备课组长/))
    const other = client(31)
    expect(
      submit(
        updateOf(other, () => acceptSuggestion(other, 's-wang', 'zhang')),
        editor,
      ),
    ).toEqual(refusedWith(/主人和备课组长/))
    expect(threadsOf(room).get('s-wang')!.has('decision')).toBe(false)
  })

  it('a moderator decides in their own name only', () => {
    const doc = client(30)
    expect(submit(decisionBy(doc, 's-wang', 'rejected', 'li'), leader)).toEqual(refusedWith(/自己的名义/))
  })

  it('its replacement cannot be changed after it was made, not even by its author', () => {
    const doc = client(30)
    const update = updateOf(doc, () => threadsOf(doc).get('s-wang')!.set('suggestion', '改过的建议'))
    expect(submit(update, wang)).toEqual(refusedWith(/不能修改/))
  })

  it('an ordinary thread cannot be turned into a suggestion or decided', () => {
    submit(newThread(client(11), 'li'), li)
    const doc = client(30)
    expect(
      submit(
        updateOf(doc, () => threadsOf(doc).get('t-li')!.set('suggestion', '')),
        li,
      ),
    ).toEqual(refusedWith(/不能修改/))
    const leaders = client(31)
    expect(submit(decisionBy(leaders, 't-li', 'rejected', 'chen'), leader)).toEqual(refusedWith(/只有建议修改/))
  })

  it('is decided once: a second decision, an overwrite or a withdrawal is refused', () => {
    const first = client(30)
    const second = client(31)
    expect(
      submit(
        updateOf(first, () => rejectSuggestion(first, 's-wang', 'chen')),
        leader,
      ),
    ).toEqual(allowed)
    // Made on a copy that had not seen the first decision.
    expect(
      submit(
        updateOf(second, () => acceptSuggestion(second, 's-wang', 'chen')),
        leader,
      ),
    ).toEqual(refusedWith(/处理过/))
    const later = client(32)
    expect(submit(decisionBy(later, 's-wang', 'accepted', 'chen'), leader)).toEqual(refusedWith(/处理过/))
    const withdrawing = client(33)
    expect(
      submit(
        updateOf(withdrawing, () => threadsOf(withdrawing).get('s-wang')!.delete('decision')),
        leader,
      ),
    ).toEqual(refusedWith(/处理过/))
    expect(threadsOf(room).get('s-wang')!.get('decision')).toBe('rejected')
    expect(textNodes(contentOf(room))[0]!.toString()).toBe('理解一元一次方程的概念')
  })

  it('is not accepted once its words changed, even from a copy that had not seen the change', () => {
    const owners = client(30)
    const typist = client(31)
    expect(
      submit(
        updateOf(typist, () => textNodes(contentOf(typist))[0]!.insert(4, '（一）')),
        editor,
      ),
    ).toEqual(allowed)
    expect(
      submit(
        updateOf(owners, () => acceptSuggestion(owners, 's-wang', 'chen')),
        leader,
      ),
    ).toEqual(refusedWith(/原文已经改动/))
    expect(textNodes(contentOf(room))[0]!.toString()).toBe('理解一元（一）一次方程的概念')
    const again = client(32)
    expect(
      submit(
        updateOf(again, () => rejectSuggestion(again, 's-wang', 'chen')),
        leader,
      ),
    ).toEqual(allowed)
  })

  it('of two on overlapping words accepted at once, only the first to arrive is applied', () => {
    const lis = client(11)
    const overlapping = updateOf(lis, () =>
      createSuggestion(lis, {
        id: 's-li',
        kind: 'proposal',
        authorId: 'li',
        body: '',
        start: pointAt(contentOf(lis), 6),
        end: pointAt(contentOf(lis), 11),
        replacement: '方程的意义',
      }),
    )
    expect(submit(overlapping, li)).toEqual(allowed)
    const owners = client(30)
    const leaders = client(31)
    const groupLeader: ThreadActor = { userId: 'zhou', access: 'edit', moderator: true }
    const first = updateOf(owners, () => acceptSuggestion(owners, 's-wang', 'chen'))
    const second = updateOf(leaders, () => acceptSuggestion(leaders, 's-li', 'zhou'))
    expect(submit(first, leader)).toEqual(allowed)
    expect(submit(second, groupLeader)).toEqual(refusedWith(/原文已经改动/))
    expect(textNodes(contentOf(room))[0]!.toString()).toBe('理解二元一次方程组的概念')
  })

  it('may not arrive already decided from someone who may not decide', () => {
    const doc = client(30)
    const update = updateOf(doc, () => {
      createSuggestion(doc, {
        id: 'self-accepted',
        kind: 'proposal',
        authorId: 'wang',
        body: '',
        start: pointAt(contentOf(doc), 13),
        end: pointAt(contentOf(doc), 17),
        replacement: '合作',
      })
      rejectSuggestion(doc, 'self-accepted', 'wang')
    })
    expect(submit(update, wang)).toEqual(refusedWith(/主人和备课组长/))
  })

  it('may be made and accepted at once by the owner, e.g. offline', () => {
    const doc = client(30)
    const update = updateOf(doc, () => {
      newSuggestion(doc, 'chen')
      acceptSuggestion(doc, 's-chen', 'chen')
    })
    expect(submit(update, leader)).toEqual(allowed)
    expect(threadsOf(room).get('s-chen')!.get('state')).toBe('resolved')
  })

  /** What Enter after 理解 does through y-prosemirror: the rest of the paragraph rebuilt in a new one. */
  const splitAfterGoal = (doc: Y.Doc, moved: string) =>
    updateOf(doc, () =>
      doc.transact(() => {
        textNodes(contentOf(doc))[0]!.delete(2, 9)
        contentOf(doc).insert(1, [paragraph(moved)])
      }),
    )

  it('is accepted where a split moved its words', () => {
    expect(submit(splitAfterGoal(client(30), '一元一次方程的概念'), editor)).toEqual(allowed)
    const owners = client(31)
    expect(
      submit(
        updateOf(owners, () => acceptSuggestion(owners, 's-wang', 'chen')),
        leader,
      ),
    ).toEqual(allowed)
    expect(textNodes(contentOf(room)).map(String)).toEqual(['理解', '二元一次方程组的概念', '先独立思考，再小组讨论'])
  })

  it('is not accepted where a split moved words that read otherwise', () => {
    expect(submit(splitAfterGoal(client(30), '一元二次方程的概念'), editor)).toEqual(allowed)
    const forger = client(31)
    expect(submit(decisionBy(forger, 's-wang', 'accepted', 'chen'), leader)).toEqual(refusedWith(/原文已经改动/))
  })
})
