import { describe, expect, it } from 'vitest'
import type { NotificationView } from '../../../shared/api/notifications.ts'
import { changeInbox, emptyInbox, inboxHref, type InboxState } from '../../../client/src/notifications/inbox-state.ts'

function notification(id: string, fields: Partial<NotificationView> = {}): NotificationView {
  return {
    id,
    kind: 'mention',
    text: '陈老师 在《2.2 整式的加减》中@了你',
    documentId: 'd1',
    lessonId: 'l1',
    threadId: 't1',
    actorId: 'chen',
    createdAt: '2026-11-20T06:00:00.000Z',
    readAt: null,
    ...fields,
  }
}

const shown: InboxState = { notifications: [notification('b'), notification('a')], unreadCount: 2, next: 'cursor-a' }

describe('changeInbox', () => {
  it('takes a fetched first page as the truth', () => {
    const page = { notifications: [notification('c')], unreadCount: 1, next: null }
    expect(changeInbox(shown, { type: 'firstPage', page })).toEqual(page)
  })

  it('appends a later page without repeating what is shown', () => {
    const page = { notifications: [notification('a'), notification('z')], unreadCount: 3, next: null }
    const next = changeInbox(shown, { type: 'nextPage', page })
    expect(next.notifications.map((n) => n.id)).toEqual(['b', 'a', 'z'])
    expect(next).toMatchObject({ unreadCount: 3, next: null })
  })

  it('puts a pushed notification on top, once, with the count the server sent', () => {
    const once = changeInbox(shown, { type: 'pushed', notification: notification('c'), unreadCount: 3 })
    const twice = changeInbox(once, { type: 'pushed', notification: notification('c'), unreadCount: 3 })
    expect(twice.notifications.map((n) => n.id)).toEqual(['c', 'b', 'a'])
    expect(twice.unreadCount).toBe(3)
  })

  it('marks one or all read', () => {
    const read = notification('a', { readAt: '2026-11-20T07:00:00.000Z' })
    const one = changeInbox(shown, { type: 'read', notification: read, unreadCount: 1 })
    expect(one.notifications.map((n) => n.readAt)).toEqual([null, read.readAt])
    const all = changeInbox(one, { type: 'allRead', at: '2026-11-20T08:00:00.000Z' })
    expect(all.notifications.map((n) => n.readAt)).toEqual(['2026-11-20T08:00:00.000Z', read.readAt])
    expect(all.unreadCount).toBe(0)
  })

  it('takes a new unread count alone', () => {
    expect(changeInbox(emptyInbox, { type: 'unreadCount', unreadCount: 4 })).toEqual({ ...emptyInbox, unreadCount: 4 })
  })
})

describe('inboxHref', () => {
  it.each([
    ['a thread: the document opened at it', notification('a'), '#/documents/d1/threads/t1'],
    ['a document without a thread: the document', notification('a', { threadId: null }), '#/documents/d1'],
    [
      'a stage change: the lesson page',
      notification('a', { documentId: null, threadId: null, kind: 'stage' }),
      '#/lessons/l1',
    ],
  ])('%s', (_what, given, href) => {
    expect(inboxHref(given)).toBe(href)
  })
})
