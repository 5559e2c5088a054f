/**
 * The notification service against a real store with the demo school: reports and stage moves in,
 * stored notifications and live events out.
 */
import * as Y from 'yjs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { NewNotificationEvent } from '../../../shared/api/notifications.ts'
import { contentOf, pointAt } from '../../../shared/threads/thread-anchor.ts'
import { addReply, createThread } from '../../../shared/threads/thread-edits.ts'
import { logger } from '../../../server/log/logger.ts'
import { InboxHub } from '../../../server/notifications/inbox-hub.ts'
import { NotificationService } from '../../../server/notifications/notification-service.ts'
import type { DocumentRecord } from '../../../server/store/store.ts'
import { storeWithOverrides } from '../../helpers/store-overrides.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { paragraph } from '../../shared/threads/thread-fixtures.ts'

let server: TestServer
const ids: Record<string, string> = {}
let hub: InboxHub
let service: NotificationService
const received: { userId: string; event: string; data: unknown }[] = []

beforeAll(async () => {
  server = await startTestServer()
  for (const username of ['leader', 'teacher1', 'teacher2', 'teacher3', 'mentor', 'apprentice', 'guest']) {
    ids[username] = (await server.store.accounts.findUserByUsername(username))!.id
  }
  hub = new InboxHub()
  for (const userId of Object.values(ids)) {
    hub.add(userId, {
      send: async (event, data) => {
        received.push({ userId, event, data })
      },
      end: () => {},
    })
  }
  service = new NotificationService(server.store, hub)
})

afterAll(() => server.stop())

/** A free 导学案 of the apprentice's, holding one thread by 张老师 (teacher2) with the given replies. */
async function apprenticeDocument(replyAuthors: string[]): Promise<{ document: DocumentRecord; replyIds: string[] }> {
  const leader = (await server.store.accounts.findUserById(ids.leader!))!
  const [groupId] = await server.store.groups.groupIdsOfUser(ids.leader!)
  const document = await server.store.documents.createDocument({
    groupId: groupId!,
    schoolId: leader.schoolId,
    title: '2.2 整式的加减',
    kind: 'lesson-plan',
    createdBy: ids.apprentice!,
  })
  const doc = new Y.Doc()
  contentOf(doc).insert(0, [paragraph('合并同类项时，系数相加，字母和字母的指数不变。')])
  const content = contentOf(doc)
  createThread(doc, {
    id: 't1',
    kind: 'question',
    authorId: ids.teacher2!,
    body: '要不要先举例？',
    start: pointAt(content, 0),
    end: pointAt(content, 5),
  })
  const replyIds = replyAuthors.map((authorId) => addReply(doc, 't1', { authorId, body: '我觉得可以' }))
  await server.store.updates.appendUpdates(document.id, [Y.encodeStateAsUpdate(doc)])
  return { document, replyIds }
}

async function inboxOf(username: string) {
  return (await server.store.notifications.listNotifications(ids[username]!, 50, null)).notifications
}

describe('NotificationService', () => {
  it('tells the apprentice of a mentor’s note and the mentioned of the mention, stored and pushed live', async () => {
    const { document } = await apprenticeDocument([])
    received.length = 0
    await service.threadActivity({
      documentId: document.id,
      actorId: ids.mentor!,
      activity: [
        {
          type: 'threadCreated',
          threadId: 't2',
          kind: 'mentorNote',
          suggestion: false,
          quote: '合并同类项',
          mentions: [ids.teacher3!],
        },
      ],
    })
    const [note] = await inboxOf('apprentice')
    expect(note).toMatchObject({
      kind: 'thread',
      documentId: document.id,
      threadId: 't2',
      actorId: ids.mentor,
      readAt: null,
      text: '陈老师 在你的《2.2 整式的加减》中写了师徒批注',
    })
    const [mention] = await inboxOf('teacher3')
    expect(mention).toMatchObject({ kind: 'mention', text: '陈老师 在《2.2 整式的加减》中@了你' })
    const apprenticeEvents = received.filter((event) => event.userId === ids.apprentice)
    expect(apprenticeEvents).toHaveLength(1)
    const { notification, unreadCount } = apprenticeEvents[0]!.data as NewNotificationEvent
    expect(notification).toMatchObject({ id: note!.id, text: note!.text, readAt: null })
    expect(unreadCount).toBe(await server.store.notifications.countUnreadNotifications(ids.apprentice!))
    expect(received.some((event) => event.userId === ids.mentor)).toBe(false)
  })

  it('tells the thread’s author and the earlier repliers of a reply, found in the stored document', async () => {
    const { document, replyIds } = await apprenticeDocument([
      ids.teacher1!,
      ids.teacher2!,
      ids.apprentice!,
      ids.leader!,
    ])
    await service.threadActivity({
      documentId: document.id,
      actorId: ids.apprentice!,
      activity: [
        {
          type: 'replyAdded',
          threadId: 't1',
          replyId: replyIds[2]!,
          threadAuthorId: ids.teacher2!,
          body: '我觉得可以',
          mentions: [],
        },
      ],
    })
    const latest = async (username: string) => (await inboxOf(username)).find((n) => n.documentId === document.id)
    expect(await latest('teacher2')).toMatchObject({
      kind: 'reply',
      text: '赵老师 回复了你在《2.2 整式的加减》中的批注',
    })
    expect(await latest('teacher1')).toMatchObject({
      kind: 'reply',
      text: '赵老师 也回复了《2.2 整式的加减》中你参与的批注',
    })
    // 王老师 replied only after this reply.
    expect(await latest('leader')).toBeUndefined()
  })

  it('tells nobody when the report is of a document or actor that no longer exists', async () => {
    const before = await server.store.notifications.countUnreadNotifications(ids.teacher1!)
    await service.threadActivity({
      documentId: 'gone',
      actorId: ids.mentor!,
      activity: [{ type: 'resolved', threadId: 't1', threadAuthorId: ids.teacher1! }],
    })
    expect(await server.store.notifications.countUnreadNotifications(ids.teacher1!)).toBe(before)
  })

  it('never lets a storage failure escape to the room', async () => {
    const failing = storeWithOverrides(server.store, 'notifications', {
      addNotifications: () => Promise.reject(new Error('disk full')),
    })
    const { document } = await apprenticeDocument([])
    const quiet = new NotificationService(failing, hub)
    const errors = vi.spyOn(logger, 'error')
    try {
      await expect(
        quiet.threadActivity({
          documentId: document.id,
          actorId: ids.mentor!,
          activity: [{ type: 'resolved', threadId: 't1', threadAuthorId: ids.teacher2! }],
        }),
      ).resolves.toBeUndefined()
      expect(errors).toHaveBeenCalledExactlyOnceWith(
        { err: new Error('disk full'), what: 'thread activity' },
        'notifications were not delivered',
      )
    } finally {
      errors.mockRestore()
    }
  })

  it('[CLIENT-12] tells every member of the lesson’s group, by its id only, that the lesson changed', async () => {
    const [groupId] = await server.store.groups.groupIdsOfUser(ids.leader!)
    const members = (await server.store.groups.listGroupMembers(groupId!)).map((member) => member.id)
    expect(members).toContain(ids.teacher1)
    const unread = await server.store.notifications.countUnreadNotifications(ids.teacher1!)
    received.length = 0
    await service.lessonChanged({ id: 'lesson-1', groupId: groupId! })
    expect(received.map((event) => event.userId).sort()).toEqual([...members].sort())
    expect(received.every((event) => event.event === 'lesson')).toBe(true)
    expect(received.map((event) => event.data)).toContainEqual({ lessonId: 'lesson-1' })
    expect(new Set(received.map((event) => JSON.stringify(event.data))).size).toBe(1)
    // A signal, not a notification: nothing goes into an inbox.
    expect(await server.store.notifications.countUnreadNotifications(ids.teacher1!)).toBe(unread)
  })

  it('keeps each inbox to its bound as notifications arrive', async () => {
    const { document } = await apprenticeDocument([])
    const small = new NotificationService(server.store, hub, { keepReadDays: 30, keepPerUser: 3 })
    for (const threadId of ['a', 'b', 'c', 'd', 'e']) {
      await small.threadActivity({
        documentId: document.id,
        actorId: ids.apprentice!,
        activity: [{ type: 'resolved', threadId, threadAuthorId: ids.guest! }],
      })
    }
    expect((await inboxOf('guest')).map((n) => n.threadId)).toHaveLength(3)
  })

  it('lets the server wait for deliveries under way before it closes the store', async () => {
    const { document } = await apprenticeDocument([])
    const before = await server.store.notifications.countUnreadNotifications(ids.teacher3!)
    void service.threadActivity({
      documentId: document.id,
      actorId: ids.mentor!,
      activity: [{ type: 'reopened', threadId: 't1', threadAuthorId: ids.teacher3! }],
    })
    await service.settle()
    expect(await server.store.notifications.countUnreadNotifications(ids.teacher3!)).toBe(before + 1)
  })
})
