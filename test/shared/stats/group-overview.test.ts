import { describe, expect, it } from 'vitest'
import {
  countsOfWork,
  isReflectionWritten,
  lateLessons,
  lessonsByStage,
  type StatsLesson,
  teacherCounts,
  teacherWork,
  totalCounts,
} from '../../../shared/stats/group-overview.ts'
import type { LessonStage } from '../../../shared/workflow/stages.ts'

const wang = { id: 'wang', displayName: '王老师' }
const li = { id: 'li', displayName: '李老师' }
const zhang = { id: 'zhang', displayName: '张老师' }

function lesson(
  id: string,
  stage: LessonStage,
  scheduledDate: string,
  leadPreparerId = 'li',
  scheduledTime: string | null = null,
): StatsLesson {
  return { id, stage, scheduledDate, scheduledTime, leadPreparerId }
}

const now = { date: '2026-11-24', time: '14:00' }

describe('lessonsByStage', () => {
  it('lists every stage of the loop in order, with its lessons, empty stages too', () => {
    const lessons = [
      lesson('a', 'draft', '2026-11-30'),
      lesson('b', 'adapting', '2026-11-10'),
      lesson('c', 'draft', '2026-12-01'),
    ]
    const groups = lessonsByStage(lessons)
    expect(groups.map((g) => [g.label, g.lessons.map((l) => l.id)])).toEqual([
      ['主备', ['a', 'c']],
      ['研讨', []],
      ['定稿', []],
      ['二次备课', ['b']],
      ['课后反思', []],
      ['归档', []],
    ])
  })
})

describe('lateLessons', () => {
  it('flags lessons past their date and not finalized, the longest overdue first', () => {
    const lessons = [
      lesson('review-yesterday', 'review', '2026-11-23'),
      lesson('draft-last-week', 'draft', '2026-11-17'),
      lesson('finalized-last-week', 'finalized', '2026-11-17'),
      lesson('draft-this-morning', 'draft', '2026-11-24', 'li', '08:00'),
      lesson('draft-tomorrow', 'draft', '2026-11-25'),
    ]
    expect(lateLessons(lessons, now).map((l) => l.id)).toEqual([
      'draft-last-week',
      'review-yesterday',
      'draft-this-morning',
    ])
  })
})

describe('teacherCounts', () => {
  const lessons = [
    lesson('l1', 'reflecting', '2026-11-10', 'li'),
    lesson('l2', 'draft', '2026-11-30', 'zhang'),
    lesson('l3', 'draft', '2026-12-02', 'li'),
  ]

  it('counts per teacher 主备, 二次备课 with their changes, written reflections and comments', () => {
    const rows = teacherCounts({
      teachers: [wang, li, zhang],
      lessons,
      adaptations: [
        { lessonId: 'l1', teacherId: 'li', changeCount: 3 },
        { lessonId: 'l1', teacherId: 'zhang', changeCount: 0 },
        { lessonId: 'l1', teacherId: 'wang', changeCount: 5 },
      ],
      reflections: [
        { lessonId: 'l1', teacherId: 'li', written: true },
        { lessonId: 'l1', teacherId: 'zhang', written: false },
      ],
      comments: [
        { lessonId: 'l2', authorId: 'wang' },
        { lessonId: 'l2', authorId: 'wang' },
      ],
    })
    expect(rows).toEqual([
      { teacher: wang, leadPrepared: 0, adaptations: 1, adaptationChanges: 5, reflections: 0, comments: 2 },
      { teacher: li, leadPrepared: 2, adaptations: 1, adaptationChanges: 3, reflections: 1, comments: 0 },
      { teacher: zhang, leadPrepared: 1, adaptations: 1, adaptationChanges: 0, reflections: 0, comments: 0 },
    ])
    expect(totalCounts(rows)).toEqual({
      leadPrepared: 3,
      adaptations: 3,
      adaptationChanges: 8,
      reflections: 1,
      comments: 2,
    })
  })

  it('does not count work on lessons of another semester', () => {
    const rows = teacherCounts({
      teachers: [li],
      lessons: [],
      adaptations: [{ lessonId: 'old', teacherId: 'li', changeCount: 9 }],
      reflections: [{ lessonId: 'old', teacherId: 'li', written: true }],
      comments: [{ lessonId: 'old', authorId: 'li' }],
    })
    expect(rows).toEqual([
      { teacher: li, leadPrepared: 0, adaptations: 0, adaptationChanges: 0, reflections: 0, comments: 0 },
    ])
  })

  it('keeps a row, after the members, for a teacher who has left the group', () => {
    const rows = teacherCounts({
      teachers: [li],
      lessons: [lesson('l1', 'archived', '2026-09-10', 'gone')],
      adaptations: [],
      reflections: [],
      comments: [],
      others: new Map([['gone', { id: 'gone', displayName: '调走的老师' }]]),
    })
    expect(rows.map((row) => [row.teacher.displayName, row.leadPrepared])).toEqual([
      ['李老师', 0],
      ['调走的老师', 1],
    ])
  })
})

describe('teacherWork', () => {
  const lessons = [
    lesson('l1', 'reflecting', '2026-11-10', 'li'),
    lesson('l2', 'draft', '2026-11-30', 'zhang'),
    lesson('l3', 'draft', '2026-12-02', 'li'),
  ]
  const input = {
    teachers: [wang, li, zhang],
    lessons,
    adaptations: [
      { lessonId: 'l1', teacherId: 'li', changeCount: 3, documentId: 'a-li' },
      { lessonId: 'l1', teacherId: 'wang', changeCount: 5, documentId: 'a-wang' },
      { lessonId: 'old', teacherId: 'li', changeCount: 9, documentId: 'a-old' },
    ],
    reflections: [
      { lessonId: 'l1', teacherId: 'li', written: true, documentId: 'r-li' },
      { lessonId: 'l1', teacherId: 'zhang', written: false, documentId: 'r-zhang' },
    ],
    comments: [
      { lessonId: 'l2', authorId: 'wang', threadId: 't1' },
      { lessonId: 'l3', authorId: 'wang', threadId: 't2' },
      { lessonId: 'old', authorId: 'wang', threadId: 't3' },
      { lessonId: 'l1', authorId: 'gone', threadId: 't4' },
    ],
    others: new Map([['gone', { id: 'gone', displayName: '调走的老师' }]]),
  }

  it('[CHECK-6] lists per teacher the very items counted, with what the caller put on them', () => {
    const work = teacherWork(input)
    const li = work.find((row) => row.teacher.id === 'li')!
    expect(li.leadPrepared.map((item) => item.id)).toEqual(['l1', 'l3'])
    expect(li.adaptations.map((item) => item.documentId)).toEqual(['a-li'])
    expect(li.reflections.map((item) => item.documentId)).toEqual(['r-li'])
    const wangWork = work.find((row) => row.teacher.id === 'wang')!
    expect(wangWork.comments.map((item) => item.threadId)).toEqual(['t1', 't2'])
    // An empty reflection is neither counted nor listed.
    expect(work.find((row) => row.teacher.id === 'zhang')!.reflections).toEqual([])
    expect(work.at(-1)!.teacher.displayName).toBe('调走的老师')
  })

  it('[CHECK-6] every count is the length of its list, and 个人加减 the sum over the listed adaptations', () => {
    const work = teacherWork(input)
    expect(work.map(countsOfWork)).toEqual(teacherCounts(input))
    for (const row of work) {
      const counts = countsOfWork(row)
      expect(counts.leadPrepared).toBe(row.leadPrepared.length)
      expect(counts.adaptations).toBe(row.adaptations.length)
      expect(counts.adaptationChanges).toBe(row.adaptations.reduce((sum, item) => sum + item.changeCount, 0))
      expect(counts.reflections).toBe(row.reflections.length)
      expect(counts.comments).toBe(row.comments.length)
    }
    expect(totalCounts(work.map(countsOfWork))).toEqual({
      leadPrepared: 3,
      adaptations: 2,
      adaptationChanges: 8,
      reflections: 1,
      comments: 3,
    })
  })
})

describe('isReflectionWritten', () => {
  it('is false for the outline alone and true once a teacher wrote under it', () => {
    const outline = [
      { type: 'heading', text: '成功之处' },
      { type: 'paragraph', text: '  ' },
      { type: 'heading', text: '不足之处' },
    ]
    expect(isReflectionWritten(outline)).toBe(false)
    expect(isReflectionWritten([...outline, { type: 'paragraph', text: '学生对移项掌握得不错。' }])).toBe(true)
  })
})
