/**
 * Store contract cases of the inbox (notifications), run inside `describeStoreContract` on every backend.
 */
import { describe, expect, it } from 'vitest'
import type { NewNotification } from '../../../server/store/notification-records.ts'
import type { Store } from '../../../server/store/store.ts'

async function mathGroup(store: Store) {
  const schoolId = await store.accounts.createSchool('花园实验中学')
  const group = await store.groups.createGroup(schoolId, '七年级数学备课组')
  const user = (username: string, displayName: string) =>
    store.accounts.createUser({ username, displayName, passwordHash: 'x', role: 'teacher', schoolId, color: '#1971c2' })
  const wang = await user('wang', '王老师')
  const li = await user('li', '李老师')
  const lesson = await store.lessons.createLesson({
    schoolId,
    groupId: group.id,
    createdBy: wang.id,
    documentTitle: '2.2 整式的加减 导学案',
    semester: '2026-2027学年第一学期',
    title: '2.2 整式的加减',
    lessonType: '新授',
    period: 1,
    scheduledDate: '2026-11-24',
    scheduledTime: null,
    place: '数学教研室',
    leadPreparerId: li.id,
  })
  const notification = (minute: number, fields: Partial<NewNotification> = {}): NewNotification => ({
    userId: li.id,
    kind: 'thread',
    documentId: lesson.documentId,
    lessonId: lesson.id,
    threadId: `t${minute}`,
    actorId: wang.id,
    text: `王老师 在你的《2.2 整式的加减》中提出了质疑 ${minute}`,
    createdAt: at(minute),
    ...fields,
  })
  return { wang, li, lesson, notification }
}

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 6, minute))

export function describeNotificationContract(storeOf: () => Store): void {
  describe('notifications', () => {
    it('stores notifications and lists a user’s newest first, with what each says and links to', async () => {
      const store = storeOf()
      const { wang, li, lesson, notification } = await mathGroup(store)
      const added = await store.notifications.addNotifications([
        notification(1),
        notification(3, {
          kind: 'stage',
          documentId: null,
          threadId: null,
          text: '王老师 将《2.2 整式的加减》退回修改',
        }),
        notification(2, { userId: wang.id, actorId: li.id }),
      ])
      expect(added).toHaveLength(3)
      const page = await store.notifications.listNotifications(li.id, 10, null)
      expect(page.next).toBeNull()
      expect(page.notifications).toEqual([
        {
          id: added[1]!.id,
          userId: li.id,
          kind: 'stage',
          documentId: null,
          lessonId: lesson.id,
          threadId: null,
          actorId: wang.id,
          text: '王老师 将《2.2 整式的加减》退回修改',
          createdAt: at(3),
          readAt: null,
        },
        { ...added[0], readAt: null },
      ])
      expect(
        (await store.notifications.listNotifications(wang.id, 10, null)).notifications.map((n) => n.threadId),
      ).toEqual(['t2'])
      expect(await store.notifications.countUnreadNotifications(li.id)).toBe(2)
    })

    it('pages through an inbox without skipping or repeating notifications made in the same millisecond', async () => {
      const store = storeOf()
      const { li, notification } = await mathGroup(store)
      await store.notifications.addNotifications(
        [1, 1, 1, 2, 2, 3, 4].map((minute, index) => notification(minute, { threadId: `t${index}` })),
      )
      const seen: string[] = []
      let page = await store.notifications.listNotifications(li.id, 3, null)
      for (;;) {
        seen.push(...page.notifications.map((n) => n.threadId!))
        if (!page.next) break
        page = await store.notifications.listNotifications(li.id, 3, page.next)
      }
      expect(seen).toHaveLength(7)
      expect(new Set(seen).size).toBe(7)
      expect(seen.slice(0, 2)).toEqual(['t6', 't5'])
    })

    it('marks one notification read, once, only for its own user', async () => {
      const store = storeOf()
      const { wang, li, notification } = await mathGroup(store)
      const [first] = await store.notifications.addNotifications([notification(1), notification(2)])
      expect(await store.notifications.markNotificationRead(wang.id, first!.id, at(5))).toBeNull()
      expect(await store.notifications.markNotificationRead(li.id, 'no-such-id', at(5))).toBeNull()
      expect(await store.notifications.countUnreadNotifications(li.id)).toBe(2)
      expect(await store.notifications.markNotificationRead(li.id, first!.id, at(5))).toEqual({
        ...first,
        readAt: at(5),
      })
      expect((await store.notifications.markNotificationRead(li.id, first!.id, at(9)))!.readAt).toEqual(at(5))
      expect(await store.notifications.countUnreadNotifications(li.id)).toBe(1)
    })

    it('marks all of one user’s notifications read', async () => {
      const store = storeOf()
      const { wang, li, notification } = await mathGroup(store)
      await store.notifications.addNotifications([
        notification(1),
        notification(2),
        notification(3, { userId: wang.id }),
      ])
      expect(await store.notifications.markAllNotificationsRead(li.id, at(5))).toBe(2)
      expect(await store.notifications.markAllNotificationsRead(li.id, at(6))).toBe(0)
      expect(await store.notifications.countUnreadNotifications(li.id)).toBe(0)
      expect(await store.notifications.countUnreadNotifications(wang.id)).toBe(1)
      expect((await store.notifications.listNotifications(li.id, 10, null)).notifications.map((n) => n.readAt)).toEqual(
        [at(5), at(5)],
      )
    })

    it('prunes old read notifications and keeps each inbox to its newest, unread ones included', async () => {
      const store = storeOf()
      const { wang, li, notification } = await mathGroup(store)
      const added = await store.notifications.addNotifications([1, 2, 3, 4, 5].map((minute) => notification(minute)))
      await store.notifications.addNotifications([notification(1, { userId: wang.id })])
      await store.notifications.markNotificationRead(li.id, added[0]!.id, at(6))
      await store.notifications.markNotificationRead(li.id, added[3]!.id, at(6))
      expect(
        await store.notifications.pruneNotifications([li.id, wang.id], { readBefore: at(2), keepPerUser: 10 }),
      ).toBe(1)
      expect(await store.notifications.pruneNotifications([li.id], { readBefore: at(2), keepPerUser: 2 })).toBe(2)
      expect(
        (await store.notifications.listNotifications(li.id, 10, null)).notifications.map((n) => n.threadId),
      ).toEqual(['t5', 't4'])
      expect(await store.notifications.countUnreadNotifications(wang.id)).toBe(1)
    })

    it('removes notifications of a deleted lesson with it', async () => {
      const store = storeOf()
      const { li, lesson, notification } = await mathGroup(store)
      await store.notifications.addNotifications([
        notification(1),
        notification(2, { documentId: null, threadId: null, kind: 'stage' }),
      ])
      expect(await store.lessons.deleteLesson(lesson.id, 'draft')).toBe(true)
      expect((await store.notifications.listNotifications(li.id, 10, null)).notifications).toEqual([])
    })
  })
}
