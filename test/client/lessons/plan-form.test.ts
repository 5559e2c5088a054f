import { describe, expect, it } from 'vitest'
import { emptyPlanForm, planInputOf } from '../../../client/src/lessons/plan-form.ts'

const filled = {
  ...emptyPlanForm('2026-12-08'),
  title: ' 3.2 解一元一次方程 ',
  unit: ' 第三章 一元一次方程 ',
  leadPreparerId: 'li',
  place: '数学教研室',
}

describe('planInputOf', () => {
  it('makes the entry (the server gives it its semester from the date)', () => {
    expect(planInputOf(filled)).toEqual({
      input: {
        title: '3.2 解一元一次方程',
        unit: '第三章 一元一次方程',
        lessonType: '新授',
        period: 1,
        scheduledDate: '2026-12-08',
        scheduledTime: '14:00',
        place: '数学教研室',
        leadPreparerId: 'li',
      },
    })
  })

  it('leaves the time out when none is given', () => {
    expect(planInputOf({ ...filled, scheduledTime: '' })).toMatchObject({ input: { scheduledTime: null } })
  })

  it.each([
    ['no 课题', { title: '  ' }, '请填写课题'],
    ['no 主备人', { leadPreparerId: '' }, '请选择主备人'],
    ['a 课时 of 0', { period: '0' }, '课时应为正整数'],
    ['no date', { scheduledDate: '' }, '请选择日期'],
  ])('says what is missing: %s', (_, change, problem) => {
    expect(planInputOf({ ...filled, ...change })).toEqual({ problem })
  })
})
