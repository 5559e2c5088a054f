import { describe, expect, it } from 'vitest'
import type { ObservableLesson } from '../../../shared/api/mentorship.ts'
import {
  lessonChoiceLabel,
  lessonsBySemester,
  withObservedLesson,
} from '../../../client/src/mentorship/observed-lesson-choice.ts'

const zhao = { id: 'zhao', displayName: '赵老师' }
const li = { id: 'li', displayName: '李老师' }

function lesson(id: string, fields: Partial<ObservableLesson> = {}): ObservableLesson {
  return {
    id,
    title: '3.3 去括号',
    period: 1,
    semester: '2026-2027学年第一学期',
    scheduledDate: '2026-11-20',
    scheduledTime: '14:00',
    groupName: '七年级数学备课组',
    leadPreparer: zhao,
    ...fields,
  }
}

const draft = { lessonId: null, date: '2026-11-24', topic: '', notes: '笔记' }

describe('lessonChoiceLabel', () => {
  it('names the 课题, 课时 and date, and who prepared it when not the observed teacher', () => {
    expect(lessonChoiceLabel(lesson('a'), 'zhao')).toBe('3.3 去括号（第1课时）· 11月20日 · 主备')
    expect(lessonChoiceLabel(lesson('a', { leadPreparer: li, period: 2 }), 'zhao')).toBe(
      '3.3 去括号（第2课时）· 11月20日 · 主备人李老师',
    )
  })
})

describe('lessonsBySemester', () => {
  it('groups the lessons by semester in the order they came', () => {
    const last = '2025-2026学年第二学期'
    const groups = lessonsBySemester([lesson('a'), lesson('b', { semester: last }), lesson('c')])
    expect(groups.map(([semester, lessons]) => [semester, lessons.map(({ id }) => id)])).toEqual([
      ['2026-2027学年第一学期', ['a', 'c']],
      [last, ['b']],
    ])
  })
})

describe('withObservedLesson', () => {
  it('takes the 课题 and the date of a lesson already taught', () => {
    expect(withObservedLesson(draft, lesson('a'), null, '2026-11-24')).toEqual({
      lessonId: 'a',
      date: '2026-11-20',
      topic: '3.3 去括号',
      notes: '笔记',
    })
  })

  it('keeps the date when the lesson is still ahead, and a 课题 the teacher wrote', () => {
    const written = { ...draft, topic: '去括号（公开课）' }
    expect(withObservedLesson(written, lesson('a', { scheduledDate: '2026-12-01' }), null, '2026-11-24')).toEqual({
      ...written,
      lessonId: 'a',
    })
  })

  it('replaces the 课题 it filled in when another lesson is picked; 其他 drops only the lesson', () => {
    const first = withObservedLesson(draft, lesson('a'), null, '2026-11-24')
    const second = withObservedLesson(first, lesson('b', { title: '3.4 合并同类项' }), lesson('a'), '2026-11-24')
    expect(second).toMatchObject({ lessonId: 'b', topic: '3.4 合并同类项' })
    expect(withObservedLesson(second, null, lesson('b'), '2026-11-24')).toEqual({ ...second, lessonId: null })
  })
})
