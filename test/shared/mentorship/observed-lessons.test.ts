import { describe, expect, it } from 'vitest'
import { mayObserveLesson, type PlannedLesson } from '../../../shared/mentorship/observation-rules.ts'
import { type DatedLesson, lessonsToOffer } from '../../../shared/mentorship/observed-lessons.ts'
import type { PairMember } from '../../../shared/mentorship/pairing-rules.ts'

const zhao: PairMember = { userId: 'zhao', role: 'teacher', schoolId: 's1', groupIds: ['math7'] }

describe('mayObserveLesson', () => {
  it.each<[string, PlannedLesson, boolean]>([
    [
      'a lesson of their group, prepared by a colleague',
      { schoolId: 's1', groupId: 'math7', leadPreparerId: 'li' },
      true,
    ],
    ['a lesson they prepare in a group they left', { schoolId: 's1', groupId: 'math8', leadPreparerId: 'zhao' }, true],
    ['a lesson of another group', { schoolId: 's1', groupId: 'chinese7', leadPreparerId: 'he' }, false],
    [
      'a lesson of another school with the same group id',
      { schoolId: 's2', groupId: 'math7', leadPreparerId: 'zhao' },
      false,
    ],
  ])('%s → %s', (_case, lesson, expected) => {
    expect(mayObserveLesson(zhao, lesson).allowed).toBe(expected)
  })

  it('says why a lesson of another group is refused', () => {
    expect(mayObserveLesson(zhao, { schoolId: 's1', groupId: 'chinese7', leadPreparerId: 'he' })).toEqual({
      allowed: false,
      reason: '这节课不在授课老师备课组的备课计划里',
    })
  })
})

describe('lessonsToOffer', () => {
  const thisSemester = '2026-2027学年第一学期'
  const lastSemester = '2025-2026学年第二学期'
  const lesson = (name: string, semester: string, scheduledDate: string, scheduledTime: string | null = null) => ({
    name,
    semester,
    scheduledDate,
    scheduledTime,
  })
  const names = (lessons: (DatedLesson & { name: string })[]) =>
    lessonsToOffer(lessons, '2026-11-24').map(({ name }) => name)

  it('offers this semester’s taught lessons latest first, then the coming ones soonest first, then last semester’s', () => {
    const lessons = [
      lesson('last-semester-early', lastSemester, '2026-03-02'),
      lesson('next-month', thisSemester, '2026-12-20'),
      lesson('september', thisSemester, '2026-09-08'),
      lesson('today-afternoon', thisSemester, '2026-11-24', '14:00'),
      lesson('next-week', thisSemester, '2026-12-01'),
      lesson('today-morning', thisSemester, '2026-11-24', '08:00'),
      lesson('last-semester-late', lastSemester, '2026-06-30'),
    ]
    expect(names(lessons)).toEqual([
      'today-afternoon',
      'today-morning',
      'september',
      'next-week',
      'next-month',
      'last-semester-late',
      'last-semester-early',
    ])
  })

  it('leaves out older semesters and does not reorder its input', () => {
    const lessons = [
      lesson('two-semesters-ago', '2025-2026学年第一学期', '2025-11-24'),
      lesson('now', thisSemester, '2026-11-24'),
    ]
    expect(names(lessons)).toEqual(['now'])
    expect(lessons.map(({ name }) => name)).toEqual(['two-semesters-ago', 'now'])
  })
})
