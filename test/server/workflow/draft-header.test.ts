import { describe, expect, it } from 'vitest'
import { draftHeader } from '../../../server/workflow/draft-header.ts'

const source = {
  groupName: '七年级数学备课组',
  title: '3.1.1 一元一次方程',
  lessonType: '新授',
  period: 1,
  scheduledDate: '2026-11-04',
  leadPreparerName: '李老师',
  reviewerName: '王老师',
}

describe('draftHeader', () => {
  it('fills the header from the plan entry and the group', () => {
    expect(draftHeader(source)).toEqual({
      subject: '数学',
      grade: '七年级',
      topic: '3.1.1 一元一次方程',
      lessonType: '新授课',
      period: '第1课时',
      leadPreparer: '李老师',
      reviewer: '王老师',
      date: '2026年11月4日',
    })
  })

  it.each([
    ['高二英语教研组', '高二', '英语'],
    ['初三物理备课组', '初三', '物理'],
    ['语文组', '', ''],
  ])('reads %s as grade %s, subject %s', (groupName, grade, subject) => {
    expect(draftHeader({ ...source, groupName })).toMatchObject({ grade, subject })
  })

  it('does not double the 课 of a 课型 that has it', () => {
    expect(draftHeader({ ...source, lessonType: '讲评课' }).lessonType).toBe('讲评课')
  })
})
