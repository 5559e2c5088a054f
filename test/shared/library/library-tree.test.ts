import { describe, expect, it } from 'vitest'
import { subjectAndGradeOf } from '../../../shared/library/group-subject.ts'
import { filterLibraryTree, libraryTree, noGrade, noSubject } from '../../../shared/library/library-tree.ts'

const plan = (title: string, subject: string, grade: string, semester: string, groupName = '七年级数学备课组') => ({
  title,
  subject,
  grade,
  semester,
  groupName,
})

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
    const topics = tree[0]!.grades[0]!.topics
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
  const titles = (subjects: ReturnType<typeof filterLibraryTree>) =>
    subjects.flatMap((node) => node.grades.flatMap((entry) => entry.topics.map((topic) => topic.title)))

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
