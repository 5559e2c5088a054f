import { describe, expect, it } from 'vitest'
import { headerValuesFromTable } from '../../../shared/import/header-table.ts'

describe('headerValuesFromTable', () => {
  it('reads label and value cells side by side', () => {
    expect(
      headerValuesFromTable([
        ['学科', '数学', '年级', '七年级'],
        ['课题', '3.2 解一元一次方程', '课型', '新授课'],
        ['主备人', '王老师', '审核人', '李老师'],
        ['使用班级', '七（3）班', '时间', '____'],
      ]),
    ).toEqual({
      subject: '数学',
      grade: '七年级',
      topic: '3.2 解一元一次方程',
      lessonType: '新授课',
      leadPreparer: '王老师',
      reviewer: '李老师',
      classes: '七（3）班',
    })
  })

  it('reads “label：value” pairs, several in one cell', () => {
    expect(headerValuesFromTable([['学科：语文  年级：八年级'], ['课题：背影', '主备：赵老师']])).toEqual({
      subject: '语文',
      grade: '八年级',
      topic: '背影',
      leadPreparer: '赵老师',
    })
  })

  it('takes a label followed by another label as empty', () => {
    expect(headerValuesFromTable([['学科', '年级', '课题']])).toEqual({})
  })

  it('is null for an ordinary table', () => {
    expect(
      headerValuesFromTable([
        ['年份', '前年', '去年'],
        ['台数', 'x', '2x'],
      ]),
    ).toBeNull()
  })
})
