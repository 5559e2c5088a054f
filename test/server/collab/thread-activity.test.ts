/**
 * The room tells `onThreadActivity` what each stored update did to threads, in the name of whoever
 * sent it, and nothing for an update it refused or one that left threads alone. Clients are fake
 * sockets on a registry over an in-memory store.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { AccessLevel, Actor } from '../../../shared/access.ts'
import { contentOf, pointAt, textNodes } from '../../../shared/threads/thread-anchor.ts'
import type { ThreadActivityReport } from '../../../shared/threads/thread-activity.ts'
import {
  addReply,
  createThread,
  setMentions,
  setReplyMentions,
  setResolved,
} from '../../../shared/threads/thread-edits.ts'
import { acceptSuggestion, createSuggestion, rejectSuggestion } from '../../../shared/threads/suggestions.ts'
import { Connection } from '../../../server/collab/connection.ts'
import { encodeUpdate } from '../../../server/collab/outgoing-message.ts'
import type { Room } from '../../../server/collab/room.ts'
import { RoomRegistry } from '../../../server/collab/room-registry.ts'
import type { UserRecord } from '../../../server/store/store.ts'
import { memoryUpdates } from '../../helpers/memory-updates.ts'
import { copyOf, docWithParagraphs, updateOf } from '../../shared/threads/thread-fixtures.ts'

const documentId = 'doc-1'
let origin: Y.Doc
let stored: Uint8Array[]
let reports: ThreadActivityReport[]
let registry: RoomRegistry
let room: Room
const members = new Map<string, Connection>()

beforeEach(async () => {
  origin = docWithParagraphs(['理解一元一次方程的概念', '先独立思考，再小组讨论'], 1)
  reports = []
  members.clear()
  const updates = memoryUpdates([Y.encodeStateAsUpdate(origin)])
  stored = updates.appended
  registry = new RoomRegistry({
    store: { updates },
    metrics: { connectionOpened() {}, connectionClosed() {}, updatesStored() {} },
    onThreadActivity: (report) => reports.push(report),
  })
  room = await join('owner', 'edit', true)
})

afterEach(async () => {
  await registry.shutdown()
})

async function join(userId: string, access: AccessLevel, moderator = false): Promise<Room> {
  const socket = { send() {}, close() {}, terminate() {} }
  const connection = new Connection(socket, { id: userId } as UserRecord, { userId } as Actor, access, false, moderator)
  members.set(userId, connection)
  return registry.join(documentId, connection)
}

/** The shared state as it is now, as a fresh client of `userId` would see it. */
function clientOf(clientID: number): Y.Doc {
  const doc = copyOf(origin, clientID)
  for (const update of stored) Y.applyUpdate(doc, update)
  return doc
}

/** Sends what `change` does on a fresh copy, as `userId`, and waits until the room stored it. */
async function send(userId: string, clientID: number, change: (doc: Y.Doc) => void): Promise<void> {
  const doc = clientOf(clientID)
  room.receive(members.get(userId)!, encodeUpdate(updateOf(doc, () => change(doc))))
  await room.settle()
}

const suggestion = (doc: Y.Doc) =>
  createSuggestion(doc, {
    id: 's1',
    kind: 'proposal',
    authorId: 'wang',
    body: '换个说法',
    start: pointAt(contentOf(doc), 2),
    end: pointAt(contentOf(doc), 8),
    mentions: ['li'],
    replacement: '方程',
  })

describe('thread activity', () => {
  beforeEach(async () => {
    await join('wang', 'comment')
    await join('li', 'comment')
  })

  it('reports a new suggestion with its mentions, in its author’s name, once stored', async () => {
    await send('wang', 10, suggestion)
    expect(stored).toHaveLength(1)
    expect(reports).toEqual([
      {
        documentId,
        actorId: 'wang',
        activity: [
          {
            type: 'threadCreated',
            threadId: 's1',
            kind: 'proposal',
            suggestion: true,
            quote: '一元一次方程',
            mentions: ['li'],
          },
        ],
      },
    ])
  })

  it('reports a reply, users newly mentioned, and resolving and reopening', async () => {
    await send('wang', 10, (doc) =>
      createThread(doc, {
        id: 't1',
        kind: 'question',
        authorId: 'wang',
        body: '为什么？',
        start: pointAt(contentOf(doc), 13),
        end: pointAt(contentOf(doc), 17),
        mentions: ['li'],
      }),
    )
    await send('li', 11, (doc) => addReply(doc, 't1', { id: 'r1', authorId: 'li', body: '先独立再讨论' }))
    await send('wang', 12, (doc) => setMentions(doc, 't1', ['li', 'zhao', 'zhao']))
    await send('wang', 13, (doc) => setResolved(doc, 't1', true, 'wang'))
    await send('wang', 14, (doc) => setResolved(doc, 't1', false, 'wang'))
    expect(reports.slice(1).map(({ actorId, activity }) => ({ actorId, activity }))).toEqual([
      {
        actorId: 'li',
        activity: [
          {
            type: 'replyAdded',
            threadId: 't1',
            replyId: 'r1',
            threadAuthorId: 'wang',
            body: '先独立再讨论',
            mentions: [],
          },
        ],
      },
      { actorId: 'wang', activity: [{ type: 'mentioned', threadId: 't1', userIds: ['zhao'] }] },
      { actorId: 'wang', activity: [{ type: 'resolved', threadId: 't1', threadAuthorId: 'wang' }] },
      { actorId: 'wang', activity: [{ type: 'reopened', threadId: 't1', threadAuthorId: 'wang' }] },
    ])
  })

  it('reports a reply’s mentions, and those its author adds later, not the ones named before', async () => {
    await send('wang', 10, (doc) =>
      createThread(doc, {
        id: 't1',
        kind: 'question',
        authorId: 'wang',
        body: '为什么？',
        start: pointAt(contentOf(doc), 13),
        end: pointAt(contentOf(doc), 17),
      }),
    )
    await send('li', 11, (doc) =>
      addReply(doc, 't1', { id: 'r1', authorId: 'li', body: '@赵老师 你看呢', mentions: ['zhao'] }),
    )
    await send('li', 12, (doc) => setReplyMentions(doc, 't1', 'r1', ['zhao', 'chen']))
    await send('wang', 13, (doc) => setReplyMentions(doc, 't1', 'r1', ['wang']))
    expect(stored).toHaveLength(3)
    expect(reports.slice(1).map(({ actorId, activity }) => ({ actorId, activity }))).toEqual([
      {
        actorId: 'li',
        activity: [
          {
            type: 'replyAdded',
            threadId: 't1',
            replyId: 'r1',
            threadAuthorId: 'wang',
            body: '@赵老师 你看呢',
            mentions: ['zhao'],
          },
        ],
      },
      { actorId: 'li', activity: [{ type: 'mentioned', threadId: 't1', userIds: ['chen'] }] },
    ])
  })

  it('reports a decision on a suggestion as that, not as a resolution too', async () => {
    await send('wang', 10, suggestion)
    await send('owner', 11, (doc) => acceptSuggestion(doc, 's1', 'owner'))
    expect(reports.at(-1)).toEqual({
      documentId,
      actorId: 'owner',
      activity: [{ type: 'suggestionDecided', threadId: 's1', decision: 'accepted', suggestionAuthorId: 'wang' }],
    })
  })

  it('reports nothing for a refused update, nor for edits that leave threads alone', async () => {
    await send('wang', 10, suggestion)
    await send('li', 11, (doc) => rejectSuggestion(doc, 's1', 'li'))
    await send('wang', 12, (doc) => textNodes(contentOf(doc))[0]!.insert(0, '改'))
    await send('owner', 13, (doc) => textNodes(contentOf(doc))[1]!.insert(0, '学法：'))
    expect(stored).toHaveLength(2)
    expect(reports).toHaveLength(1)
  })
})
