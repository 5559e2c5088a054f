/**
 * Store contract cases of 师徒结对 and 听课记录, run inside `describeStoreContract` on every backend.
 */
import { describe, expect, it } from 'vitest'
import type { NewObservation } from '../../../server/store/mentorship-records.ts'
import type { Store } from '../../../server/store/store.ts'
import { createFixture } from './store-fixture.ts'
import { match } from '../../helpers/match.ts'

async function school(store: Store, name = '花园实验中学') {
  const schoolId = await store.accounts.createSchool(name)
  const group = await store.groups.createGroup(schoolId, '七年级数学备课组')
  const user = (username: string, role: 'admin' | 'teacher' = 'teacher') =>
    store.accounts.createUser({
      username: `${username}-${schoolId}`,
      displayName: username,
      passwordHash: 'x',
      role,
      schoolId,
      color: '#1971c2',
    })
  return {
    schoolId,
    groupId: group.id,
    office: await user('office', 'admin'),
    chen: await user('chen'),
    zhao: await user('zhao'),
    li: await user('li'),
  }
}

function observation(
  school: { schoolId: string },
  observerId: string,
  observedId: string,
  date: string,
): NewObservation {
  return {
    schoolId: school.schoolId,
    observerId,
    observedId,
    lessonId: null,
    date,
    topic: '3.2 解一元一次方程',
    notes: '导入用天平',
    strengths: '板书清楚',
    problems: '练习时间不够',
    suggestions: '压缩讲解',
  }
}

export function describeMentorshipContract(storeOf: () => Store): void {
  describe('师徒结对 and 听课记录', () => {
    it('records mentorships once and refuses a teacher as their own apprentice', async () => {
      const store = storeOf()
      const { schoolId, user } = await createFixture(store)
      const apprentice = await store.accounts.createUser({
        username: 'apprentice',
        displayName: '赵老师',
        passwordHash: 'x',
        role: 'teacher',
        schoolId,
        color: '#2f9e44',
      })
      await store.mentorships.addMentorship(user.id, apprentice.id)
      await store.mentorships.addMentorship(user.id, apprentice.id)
      await expect(store.mentorships.addMentorship(user.id, user.id)).rejects.toThrow()
      await expect(store.mentorships.addMentorship(user.id, 'missing')).rejects.toThrow()
    })

    it('records who paired a pair and when, once, and lists the school’s pairs', async () => {
      const store = storeOf()
      const s = await school(store)
      const other = await school(store, '河畔中学')
      const before = Date.now()
      expect(await store.mentorships.addMentorship(s.chen.id, s.zhao.id, s.office.id)).toBe(true)
      expect(await store.mentorships.addMentorship(s.chen.id, s.zhao.id, s.li.id)).toBe(false)
      expect(await store.mentorships.addMentorship(s.li.id, s.zhao.id)).toBe(true)
      await store.mentorships.addMentorship(other.chen.id, other.zhao.id, other.office.id)

      const pairs = await store.mentorships.listMentorships(s.schoolId)
      // Both may be paired within one millisecond, so their order is not asserted.
      expect(pairs.map(({ mentorId, apprenticeId, pairedBy }) => ({ mentorId, apprenticeId, pairedBy }))).toEqual(
        expect.arrayContaining([
          { mentorId: s.chen.id, apprenticeId: s.zhao.id, pairedBy: s.office.id },
          { mentorId: s.li.id, apprenticeId: s.zhao.id, pairedBy: null },
        ]),
      )
      expect(pairs).toHaveLength(2)
      expect(pairs[0]!.pairedAt!.getTime()).toBeGreaterThanOrEqual(before)
      expect((await store.mentorships.mentorIdsOf(s.zhao.id)).sort()).toEqual([s.chen.id, s.li.id].sort())
    })

    it('unpairs, once', async () => {
      const store = storeOf()
      const s = await school(store)
      await store.mentorships.addMentorship(s.chen.id, s.zhao.id, s.office.id)
      expect(await store.mentorships.removeMentorship(s.zhao.id, s.chen.id)).toBe(false)
      expect(await store.mentorships.removeMentorship(s.chen.id, s.zhao.id)).toBe(true)
      expect(await store.mentorships.removeMentorship(s.chen.id, s.zhao.id)).toBe(false)
      expect(await store.mentorships.mentorIdsOf(s.zhao.id)).toEqual([])
      expect(await store.mentorships.listMentorships(s.schoolId)).toEqual([])
    })

    it('keeps 听课记录 and lists those between two teachers, either way, by date', async () => {
      const store = storeOf()
      const s = await school(store)
      const later = await store.mentorships.createObservation(observation(s, s.chen.id, s.zhao.id, '2026-11-20'))
      const earlier = await store.mentorships.createObservation(observation(s, s.zhao.id, s.chen.id, '2026-10-09'))
      await store.mentorships.createObservation(observation(s, s.li.id, s.zhao.id, '2026-10-01'))
      expect(later).toMatchObject({ ...observation(s, s.chen.id, s.zhao.id, '2026-11-20'), id: match.any(String) })
      const between = await store.mentorships.listObservationsBetween(s.zhao.id, s.chen.id)
      expect(between).toEqual([earlier, later])
      expect(await store.mentorships.listObservationsBetween(s.chen.id, s.li.id)).toEqual([])
      await expect(
        store.mentorships.createObservation(observation(s, s.chen.id, s.chen.id, '2026-11-20')),
      ).rejects.toThrow()
    })

    it('keeps an observation when its lesson is deleted, without the lesson', async () => {
      const store = storeOf()
      const s = await school(store)
      const lesson = await store.lessons.createLesson({
        schoolId: s.schoolId,
        groupId: s.groupId,
        createdBy: s.chen.id,
        documentTitle: '导学案',
        semester: '2026-2027学年第一学期',
        title: '3.2 解一元一次方程',
        lessonType: '新授',
        period: 1,
        scheduledDate: '2026-11-24',
        scheduledTime: null,
        place: '',
        leadPreparerId: s.zhao.id,
      })
      await store.mentorships.createObservation({
        ...observation(s, s.chen.id, s.zhao.id, '2026-11-24'),
        lessonId: lesson.id,
      })
      expect(await store.lessons.deleteLesson(lesson.id, 'draft')).toBe(true)
      const [kept] = await store.mentorships.listObservationsBetween(s.chen.id, s.zhao.id)
      expect(kept?.lessonId).toBeNull()
    })

    it('lists a teacher’s own documents: plans they prepare and what they created, not plans they only created', async () => {
      const store = storeOf()
      const s = await school(store)
      const lesson = (leadPreparerId: string) =>
        store.lessons.createLesson({
          schoolId: s.schoolId,
          groupId: s.groupId,
          createdBy: s.chen.id,
          documentTitle: '导学案',
          semester: '2026-2027学年第一学期',
          title: '课题',
          lessonType: '新授',
          period: 1,
          scheduledDate: '2026-11-24',
          scheduledTime: null,
          place: '',
          leadPreparerId,
        })
      const prepared = await lesson(s.zhao.id)
      const others = await lesson(s.li.id)
      const free = await store.documents.createDocument({
        groupId: s.groupId,
        schoolId: s.schoolId,
        title: '草稿',
        kind: 'lesson-plan',
        createdBy: s.zhao.id,
      })
      const reflection = await store.adaptations.createLessonDocument(
        {
          lessonId: others.id,
          schoolId: s.schoolId,
          groupId: s.groupId,
          kind: 'reflection',
          title: '反思',
          createdBy: s.zhao.id,
          initialState: null,
        },
        null,
      )
      const owned = await store.documents.listDocumentsOwnedBy(s.zhao.id)
      expect(owned.map((document) => document.id)).toEqual([prepared.documentId, free.id, reflection.id].sort())
      expect(owned.find((document) => document.id === reflection.id)).toMatchObject({
        kind: 'reflection',
        lessonId: others.id,
      })
      expect(await store.documents.listDocumentsOwnedBy(s.chen.id)).toEqual([])
    })
  })
}
