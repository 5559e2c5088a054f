/** Small printing rules: numerals, the header form, file names, escaping. */
import { describe, expect, it } from 'vitest'
import { chineseNumeral } from '../../../shared/export/chinese-numerals.ts'
import { exportHtml } from '../../../shared/export/export-html.ts'
import { editionFileName, safeFileName, uniqueNames } from '../../../shared/export/file-names.ts'
import { headerLines } from '../../../shared/export/header-layout.ts'

describe('printing rules', () => {
  it('numbers sections in Chinese', () => {
    expect([1, 9, 10, 11, 20, 21, 99, 100].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十一',
      '九十九',
      '100',
    ])
  })

  it('pairs short header fields and gives 课题 and long values a row of their own, in order', () => {
    const rows = [
      { label: '学科', value: '数学' },
      { label: '年级', value: '七年级' },
      { label: '课型', value: '新授' },
      { label: '课题', value: '一元一次方程' },
      { label: '课时', value: '1' },
      { label: '使用班级', value: '七年级（1）班、（2）班、（3）班、（4）班' },
    ]
    expect(headerLines(rows).map((line) => line.map((row) => row.label))).toEqual([
      ['学科', '年级'],
      ['课型'],
      ['课题'],
      ['课时'],
      ['使用班级'],
    ])
  })

  it('names files by 课题 and edition, safely', () => {
    expect(editionFileName('3.1 方程/等式', 'student', 'docx')).toBe('3.1 方程_等式-学生版.docx')
    expect(safeFileName('  ')).toBe('导学案')
    expect(uniqueNames(['a.docx', 'a.docx', 'b.docx'])).toEqual(['a.docx', 'a（2）.docx', 'b.docx'])
  })

  it('escapes every text, so a document cannot become markup', () => {
    const html = exportHtml({
      title: '<script>alert(1)</script>',
      subtitle: '',
      edition: 'student',
      singleEdition: false,
      header: [{ label: '课题', value: '"><img src=x onerror=alert(1)>' }],
      studentLine: true,
      legend: null,
      blocks: [{ kind: 'paragraph', teacherOnly: false, inlines: [{ text: '<b>x</b>', link: 'javascript:alert(1)' }] }],
    })
    expect(html).not.toMatch(/<script|<img|<b>|javascript:/)
    expect(html).toContain('&#60;script&#62;')
  })
})
