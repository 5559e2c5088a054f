/**
 * The inbox API against a real server: stage moves make notifications; list, count, mark read; the
 * stream delivers them live; another user's notification does not exist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type {
  NewNotificationEvent,
  NotificationList,
  NotificationRead,
  UnreadCount,
} from '../../../shared/api/notifications.ts'
import type { LessonStage } from '../../../shared/workflow/stages.ts'
import { type ApiClient, apiClientFor } from '../../helpers/api-client.ts'
import { waitFor } from '../../helpers/collab-client.ts'
import { type InboxStreamClient, openInboxStream } from '../../helpers/inbox-stream.ts'
import { addLesson, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { match } from '../../helpers/match.ts'

let server: TestServer
let groupId: string
const as: Record<string, ApiClient> = {}

beforeAll(async () => {
  server = await startTestServer({ demoPlan: false })
  for (const username of ['leader', 'teacher1', 'teacher2', 'teacher3', 'mentor', 'guest']) {
    as[username] = await apiClientFor(server.url, username)
  }
  groupId = await demoGroupId(as.leader!)
})

afterAll(() => server.stop())

async function newLesson(title: string): Promise<string> {
  return (await addLesson(as.leader!, groupId, planInput(await userId(server, 'teacher1'), { title }))).id
}

async function move(lessonId: string, username: string, to: LessonStage): Promise<void> {
  const { status } = await as[username]!.post(`/api/lessons/${lessonId}/stage`, { to })
  expect(status).toBe(200)
}

async function inbox(username: string, query = ''): Promise<NotificationList> {
  const { status, body } = await as[username]!.get<NotificationList>(`/api/notifications${query}`)
  expect(status).toBe(200)
  return body
}

describe('inbox API', () => {
  it('tells the group of a draft sent to 研讨, not the 主备人 who sent it, and lists it newest first', async () => {
    const lessonId = await newLesson('2.1 整式')
    await move(lessonId, 'teacher1', 'review')
    const { notifications, unreadCount, next } = await inbox('teacher2')
    expect(next).toBeNull()
    expect(unreadCount).toBe(1)
    expect(notifications).toEqual([
      {
        id: match.any(String),
        kind: 'stage',
        text: '李老师 将《2.1 整式》提交研讨，请阅读并提出意见',
        documentId: null,
        lessonId,
        threadId: null,
        actorId: await userId(server, 'teacher1'),
        createdAt: match.any(String),
        readAt: null,
      },
    ])
    expect((await inbox('leader')).notifications[0]?.lessonId).toBe(lessonId)
    expect((await inbox('teacher1')).notifications).toEqual([])
    // The guest is no member of the group.
    expect((await inbox('guest')).notifications).toEqual([])
  })

  it('定稿 tells every member, the 主备人 too, to start 二次备课, naming the version', async () => {
    const lessonId = await newLesson('2.2 整式的加减')
    await move(lessonId, 'teacher1', 'review')
    await move(lessonId, 'leader', 'finalized')
    const [latest] = (await inbox('teacher1')).notifications
    expect(latest).toMatchObject({ lessonId, text: '王老师 已将《2.2 整式的加减》定稿（第 1 版），请开始二次备课' })
    expect((await inbox('teacher3')).notifications[0]?.text).toBe(latest!.text)
  })

  it('marks one read, then all, and lets nobody else touch them', async () => {
    const before = await inbox('teacher3')
    expect(before.unreadCount).toBeGreaterThanOrEqual(2)
    const [first] = before.notifications
    expect((await as.teacher2!.post(`/api/notifications/${first!.id}/read`)).status).toBe(404)
    expect((await as.teacher3!.post('/api/notifications/no-such-id/read')).status).toBe(404)

    const read = await as.teacher3!.post<NotificationRead>(`/api/notifications/${first!.id}/read`)
    expect(read.status).toBe(200)
    expect(read.body.notification).toMatchObject({ id: first!.id, readAt: match.any(String) })
    expect(read.body.unreadCount).toBe(before.unreadCount - 1)
    expect((await inbox('teacher3')).unreadCount).toBe(before.unreadCount - 1)

    const all = await as.teacher3!.post<UnreadCount>('/api/notifications/read-all')
    expect(all).toEqual({ status: 200, body: { unreadCount: 0 } })
    expect((await inbox('teacher3')).notifications.every((n) => n.readAt !== null)).toBe(true)
    expect((await inbox('teacher2')).unreadCount).toBeGreaterThan(0)
  })

  it('pages through the inbox with the `next` it returns', async () => {
    const all = (await inbox('teacher2')).notifications.map((n) => n.id)
    const seen: string[] = []
    let page = await inbox('teacher2', '?limit=1')
    for (;;) {
      seen.push(...page.notifications.map((n) => n.id))
      if (!page.next) break
      page = await inbox('teacher2', `?limit=1&after=${encodeURIComponent(page.next)}`)
    }
    expect(seen).toEqual(all)
  })

  it('answers bad requests and strangers with a clear error', async () => {
    const badCursor = await as.teacher2!.get<{ error: { code: string } }>('/api/notifications?after=nonsense')
    expect(badCursor.status).toBe(400)
    expect(badCursor.body.error.code).toBe('invalid_request')
    expect((await as.teacher2!.get('/api/notifications?limit=0')).status).toBe(400)
    for (const [method, path] of [
      ['GET', '/api/notifications'],
      ['GET', '/api/notifications/stream'],
      ['POST', '/api/notifications/read-all'],
    ]) {
      expect((await fetch(`${server.url}${path}`, { method })).status).toBe(401)
    }
  })

  /** What the inbox shows: the stream's events but the signal that a lesson changed (CLIENT-12). */
  const inboxOf = (stream: InboxStreamClient) => stream.events.filter((event) => event.event !== 'lesson')

  it('pushes a new notification and the unread count to every open stream of the user, live', async () => {
    const lessonId = await newLesson('2.3 整式的乘法')
    const first = await openInboxStream(server.url, 'teacher2')
    const second = await openInboxStream(server.url, 'teacher2')
    const leader = await openInboxStream(server.url, 'leader')
    try {
      const unreadBefore = (await inbox('teacher2')).unreadCount
      await waitFor(() => first.events.length === 1 && second.events.length === 1, 'the opening unread counts')
      expect(first.events[0]).toEqual({ event: 'unread', data: { unreadCount: unreadBefore } })

      await move(lessonId, 'teacher1', 'review')
      await waitFor(() => inboxOf(first).length === 2 && inboxOf(second).length === 2, 'the notification')
      const pushed = inboxOf(first)[1]!
      expect(pushed.event).toBe('notification')
      const { notification, unreadCount } = pushed.data as NewNotificationEvent
      expect(notification).toMatchObject({
        lessonId,
        kind: 'stage',
        text: '李老师 将《2.3 整式的乘法》提交研讨，请阅读并提出意见',
      })
      expect(unreadCount).toBe(unreadBefore + 1)
      await waitFor(() => leader.events.some((event) => event.event === 'notification'), 'the leader’s notification')
      // [CLIENT-12] Every open page of the group learns that the lesson changed.
      for (const stream of [first, second, leader])
        await waitFor(
          () => stream.events.some((event) => event.event === 'lesson'),
          'the signal that the lesson changed',
        )
      expect(first.events.filter((event) => event.event === 'lesson')).toEqual([
        { event: 'lesson', data: { lessonId } },
      ])

      // Reading it in one tab updates the count in the others.
      await as.teacher2!.post(`/api/notifications/${notification.id}/read`)
      await waitFor(() => inboxOf(second).length === 3, 'the new unread count')
      expect(inboxOf(second)[2]).toEqual({ event: 'unread', data: { unreadCount: unreadBefore } })
    } finally {
      for (const stream of [first, second, leader]) stream.close()
    }
  })

  it('keeps delivering to the streams still open after one disconnects', async () => {
    const gone = await openInboxStream(server.url, 'teacher3')
    const staying = await openInboxStream(server.url, 'teacher3')
    await waitFor(() => gone.events.length === 1 && staying.events.length === 1, 'the opening unread counts')
    gone.close()
    await gone.ended
    const lessonId = await newLesson('2.4 整式的除法')
    await move(lessonId, 'teacher1', 'review')
    await waitFor(() => inboxOf(staying).length === 2, 'the notification on the open stream')
    staying.close()
  })

  it('describes the inbox routes in the OpenAPI document', async () => {
    const { body } = await as.leader!.get<{ paths: Record<string, unknown> }>('/api/openapi.json')
    for (const path of [
      '/api/notifications',
      '/api/notifications/{id}/read',
      '/api/notifications/read-all',
      '/api/notifications/stream',
    ]) {
      expect(body.paths).toHaveProperty([path])
    }
  })
})
