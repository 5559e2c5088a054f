/**
 * Store contract cases of the 集体备课记录, run inside `describeStoreContract` on every backend.
 */
import { describe, expect, it } from 'vitest'
import type { MeetingFields } from '../../../server/store/meeting-records.ts'
import type { Store } from '../../../server/store/store.ts'
import { match } from '../../helpers/match.ts'

async function lessonWithTeachers(store: Store) {
  const schoolId = await store.accounts.createSchool('花园实验中学')
  const group = await store.groups.createGroup(schoolId, '七年级数学备课组')
  const user = (username: string) =>
    store.accounts.createUser({
      username,
      displayName: username,
      passwordHash: 'x',
      role: 'teacher',
      schoolId,
      color: '#1971c2',
    })
  const [wang, li, zhang] = [await user('wang'), await user('li'), await user('zhang')]
  const lesson = (title: string) =>
    store.lessons.createLesson({
      schoolId,
      groupId: group.id,
      createdBy: wang.id,
      documentTitle: `${title} 导学案`,
      semester: '2026-2027学年第一学期',
      title,
      lessonType: '新授',
      period: 1,
      scheduledDate: '2026-11-24',
      scheduledTime: '14:00',
      place: '数学教研室',
      leadPreparerId: li.id,
    })
  return { wang, li, zhang, first: await lesson('3.1.1 一元一次方程'), second: await lesson('3.1.2 等式的性质') }
}

export function describeMeetingContract(storeOf: () => Store): void {
  describe('集体备课记录', () => {
    it('keeps a record with its attendees in order, and replaces it on edit', async () => {
      const store = storeOf()
      const { wang, li, zhang, first } = await lessonWithTeachers(store)
      const fields: MeetingFields = {
        date: '2026-11-20',
        startTime: '14:00',
        endTime: '15:00',
        place: '数学教研室',
        topic: '3.1.1 一元一次方程',
        presenterId: li.id,
        attendeeIds: [li.id, zhang.id, wang.id, zhang.id],
        summary: '张老师：例2难度偏大。',
        decisions: '例2换成行程问题。',
      }
      const created = await store.meetings.createMeeting({ ...fields, lessonId: first.id, createdBy: wang.id })
      expect(created).toEqual({
        ...fields,
        attendeeIds: [li.id, zhang.id, wang.id],
        id: match.any(String),
        lessonId: first.id,
        createdBy: wang.id,
        createdAt: match.any(Date),
        updatedBy: wang.id,
        updatedAt: created.createdAt,
      })
      expect(await store.meetings.findMeeting(created.id)).toEqual(created)

      const edited = {
        ...fields,
        endTime: '15:20',
        attendeeIds: [wang.id, li.id],
        decisions: '例2换成行程问题；课时不变。',
      }
      const updated = await store.meetings.updateMeeting(created.id, edited, li.id)
      expect(updated).toMatchObject({ ...edited, id: created.id, createdBy: wang.id, updatedBy: li.id })
      expect(await store.meetings.findMeeting(created.id)).toEqual(updated)
      expect(await store.meetings.updateMeeting('missing', edited, li.id)).toBeNull()
      expect(await store.meetings.findMeeting('missing')).toBeNull()
    })

    it('lists the records of several lessons, each in the order the meetings took place', async () => {
      const store = storeOf()
      const { wang, li, first, second } = await lessonWithTeachers(store)
      const meeting = (lessonId: string, date: string, startTime: string) =>
        store.meetings.createMeeting({
          lessonId,
          createdBy: wang.id,
          date,
          startTime,
          endTime: '23:00',
          place: '',
          topic: '研讨',
          presenterId: li.id,
          attendeeIds: [],
          summary: '',
          decisions: '',
        })
      const late = await meeting(first.id, '2026-11-20', '16:00')
      const early = await meeting(first.id, '2026-11-20', '09:00')
      const other = await meeting(second.id, '2026-11-01', '09:00')
      const ofFirst = await store.meetings.listMeetings([first.id])
      expect(ofFirst.map((m) => m.id)).toEqual([early.id, late.id])
      expect(ofFirst[0]!.attendeeIds).toEqual([])
      expect((await store.meetings.listMeetings([first.id, second.id])).map((m) => m.id).sort()).toEqual(
        [early.id, late.id, other.id].sort(),
      )
      expect(await store.meetings.listMeetings([])).toEqual([])
    })

    it('refuses a record of a lesson or with a presenter that does not exist', async () => {
      const store = storeOf()
      const { wang, li, first } = await lessonWithTeachers(store)
      const base = {
        createdBy: wang.id,
        date: '2026-11-20',
        startTime: '14:00',
        endTime: '15:00',
        place: '',
        topic: '研讨',
        attendeeIds: [],
        summary: '',
        decisions: '',
      }
      await expect(store.meetings.createMeeting({ ...base, lessonId: 'missing', presenterId: li.id })).rejects.toThrow()
      await expect(
        store.meetings.createMeeting({ ...base, lessonId: first.id, presenterId: 'missing' }),
      ).rejects.toThrow()
      await expect(
        store.meetings.createMeeting({ ...base, lessonId: first.id, presenterId: li.id, attendeeIds: ['missing'] }),
      ).rejects.toThrow()
      expect(await store.meetings.listMeetings([first.id])).toEqual([])
    })
  })
}
