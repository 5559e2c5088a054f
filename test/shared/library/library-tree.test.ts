import { describe, expect, it } from 'vitest'
import { subjectAndGradeOf } from '../../../shared/library/group-subject.ts'
import {
  filterLibraryTree,
  type LibrarySubject,
  libraryTree,
  noGrade,
  noSubject,
  noUnit,
  plansIn,
  unitSortKey,
} from '../../../shared/library/library-tree.ts'

const plan = (
  title: string,
  subject: string,
  grade: string,
  semester: string,
  groupName = '七年级数学备课组',
  unit = '',
) => ({
  title,
  unit,
  subject,
  grade,
  semester,
  groupName,
})

const titles = (subjects: LibrarySubject<{ title: string }>[]) => plansIn(subjects).map((entry) => entry.title.trim())

describe('LIBRARY-2: the library by 学科 → 年级 → 课题', () => {
  it('takes the office’s subject and grade, or else reads them from the group’s name', () => {
    expect(subjectAndGradeOf({ name: '七年级数学备课组', subject: '', grade: '' })).toEqual({
      subject: '数学',
      grade: '七年级',
    })
    expect(subjectAndGradeOf({ name: '高一英语教研组', subject: '', grade: '' })).toEqual({
      subject: '英语',
      grade: '高一',
    })
    expect(subjectAndGradeOf({ name: '理科综合组', subject: '物理', grade: '八年级' })).toEqual({
      subject: '物理',
      grade: '八年级',
    })
    expect(subjectAndGradeOf({ name: '理科综合组', subject: '', grade: '' })).toEqual({ subject: '', grade: '' })
  })

  it('orders subjects and grades as schools do, unknown ones after by name, the unsorted last', () => {
    const tree = libraryTree([
      plan('a', '', '', '2026-2027学年第一学期'),
      plan('b', '数学', '八年级', '2026-2027学年第一学期'),
      plan('c', '数学', '七年级', '2026-2027学年第一学期'),
      plan('d', '语文', '', '2026-2027学年第一学期'),
      plan('e', '书法', '七年级', '2026-2027学年第一学期'),
    ])
    expect(tree.map((subject) => subject.subject)).toEqual(['语文', '数学', '书法', noSubject])
    expect(tree[1]!.grades.map((grade) => grade.grade)).toEqual(['七年级', '八年级'])
    expect(tree[0]!.grades.map((grade) => grade.grade)).toEqual([noGrade])
  })

  it('puts every year and group of one 课题 together, newest semester first, 课题 in numeric order', () => {
    const tree = libraryTree([
      plan('3.1.1 一元一次方程', '数学', '七年级', '2025-2026学年第一学期'),
      plan('10.1 相交线', '数学', '七年级', '2026-2027学年第二学期'),
      plan('3.1.1 一元一次方程', '数学', '七年级', '2026-2027学年第一学期', '七年级数学（二）备课组'),
      plan('3.1.1 一元一次方程 ', '数学', '七年级', '2025-2026学年第二学期'),
      plan('2.1 整式', '数学', '七年级', '2026-2027学年第一学期'),
    ])
    const topics = tree[0]!.grades[0]!.units[0]!.topics
    expect(topics.map((topic) => topic.title)).toEqual(['2.1 整式', '3.1.1 一元一次方程', '10.1 相交线'])
    expect(topics[1]!.plans.map((p) => p.semester)).toEqual([
      '2026-2027学年第一学期',
      '2025-2026学年第二学期',
      '2025-2026学年第一学期',
    ])
  })
})

describe('LIBRARY-10: narrowing the library by 学科, 年级 and 课题', () => {
  const tree = libraryTree([
    plan('3.1.1 一元一次方程', '数学', '七年级', '2025-2026学年第一学期'),
    plan('2.1 整式', '数学', '七年级', '2026-2027学年第一学期'),
    plan('一次函数', '数学', '八年级', '2026-2027学年第一学期', '八年级数学备课组'),
    plan('春望', '语文', '八年级', '2026-2027学年第一学期', '八年级语文备课组'),
  ])
  it('keeps everything without a filter', () => {
    expect(titles(filterLibraryTree(tree, { subject: '', grade: '', words: '' }))).toHaveLength(4)
  })

  it('narrows by 学科 and 年级 and drops the branches left empty', () => {
    const narrowed = filterLibraryTree(tree, { subject: '数学', grade: '八年级', words: '' })
    expect(narrowed.map((node) => node.subject)).toEqual(['数学'])
    expect(titles(narrowed)).toEqual(['一次函数'])
  })

  it('finds 课题 by words inside them, spaces around the words ignored', () => {
    expect(titles(filterLibraryTree(tree, { subject: '', grade: '', words: ' 一次 ' }))).toEqual([
      '3.1.1 一元一次方程',
      '一次函数',
    ])
  })
})

describe('LIBRARY-12: 单元 between 年级 and 课题', () => {
  const term = '2026-2027学年第一学期'
  const inUnit = (title: string, unit: string, grade = '七年级') =>
    plan(title, '数学', grade, term, '七年级数学备课组', unit)
  const tree = libraryTree([
    inUnit('3.1.1 一元一次方程', '第三章 一元一次方程'),
    inUnit('10.1 相交线', '第十章 相交线与平行线'),
    inUnit('2.1 整式', '第二章 整式的加减'),
    inUnit('3.2 解一元一次方程', ' 第三章 一元一次方程 '),
    inUnit('数学活动', ''),
    inUnit('1.1 正数和负数', '第一章 有理数'),
  ])
  const units = tree[0]!.grades[0]!.units

  it('[LIBRARY-12] groups a grade’s 课题 by 单元 in the textbook’s order, lessons without one last', () => {
    expect(units.map((unit) => unit.unit)).toEqual([
      '第一章 有理数',
      '第二章 整式的加减',
      '第三章 一元一次方程',
      '第十章 相交线与平行线',
      noUnit,
    ])
    expect(units[2]!.topics.map((topic) => topic.title)).toEqual(['3.1.1 一元一次方程', '3.2 解一元一次方程'])
    expect(units[4]!.topics.map((topic) => topic.title)).toEqual(['数学活动'])
  })

  it('[LIBRARY-12] reads Chinese numbers as numbers for the order', () => {
    expect(unitSortKey('第十二章 二次函数')).toBe('第12章 2次函数')
    expect(unitSortKey('第二十三章 旋转')).toBe('第23章 旋转')
    expect(unitSortKey('Unit 3')).toBe('Unit 3')
  })

  it('[LIBRARY-12] finds every 课题 of a 单元 by words of its name, and 课题 by their own words', () => {
    expect(titles(filterLibraryTree(tree, { subject: '', grade: '', words: '相交线与平行' }))).toEqual(['10.1 相交线'])
    expect(titles(filterLibraryTree(tree, { subject: '', grade: '', words: '第三章' }))).toEqual([
      '3.1.1 一元一次方程',
      '3.2 解一元一次方程',
    ])
    expect(titles(filterLibraryTree(tree, { subject: '', grade: '', words: '解一元' }))).toEqual(['3.2 解一元一次方程'])
  })
})
