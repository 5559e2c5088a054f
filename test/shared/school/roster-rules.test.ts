/** Reading a staff roster's header and rows ([SCHOOL-14]). */
import { describe, expect, it } from 'vitest'
import {
  readRosterRow,
  rosterColumns,
  rosterHeader,
  type RosterColumnIndexes,
} from '../../../shared/school/roster-rules.ts'

const indexes = (rosterHeader([...rosterColumns]) as { indexes: RosterColumnIndexes }).indexes
const read = (...cells: string[]) => readRosterRow({ row: 7, cells }, indexes)

describe('[SCHOOL-14] the roster header', () => {
  it('takes the template’s columns in any order, with notes and stars people add', () => {
    const header = rosterHeader(['用户名*', ' 姓名 ', '角色', '备课组（多个用顿号隔开）', '学科', '年级', '手机号'])
    expect(header).toEqual({ indexes: { 姓名: 1, 用户名: 0, 角色: 2, 备课组: 3, 学科: 4, 年级: 5, 初始密码: -1 } })
  })

  it('names the columns that are missing, and a column given twice', () => {
    expect(rosterHeader(['名字', '账号', '角色', '备课组', '学科', '年级'])).toEqual({
      problem:
        '表头缺少：姓名、用户名。第一行须是模板的列：姓名、用户名、角色、备课组、学科、年级、初始密码（初始密码可不填）',
    })
    expect(rosterHeader([...rosterColumns, '姓名'])).toEqual({ problem: '表头里“姓名”出现了不止一次' })
  })
})

describe('[SCHOOL-14] a roster row', () => {
  it('reads the cells, trimming them; an empty role is a teacher', () => {
    expect(
      read(' 李明 ', 'liming', '', '七年级数学备课组、七年级班主任组，七年级数学备课组', '数学', '七年级', ''),
    ).toEqual({
      entry: {
        row: 7,
        displayName: '李明',
        username: 'liming',
        role: 'teacher',
        groupNames: ['七年级数学备课组', '七年级班主任组'],
        subject: '数学',
        grade: '七年级',
        password: null,
      },
    })
  })

  it('knows the words schools use for the roles', () => {
    const role = (word: string) =>
      (read('李明', 'liming', word, '', '', '', '') as { entry: { role: string } }).entry.role
    expect([
      role('教导处'),
      role('教务处'),
      role('备课组长'),
      role('教研组长'),
      role('组长'),
      role('老师'),
      role('教 师'),
    ]).toEqual(['admin', 'admin', 'leader', 'leader', 'leader', 'teacher', 'teacher'])
  })

  it('says in Chinese why a row cannot be imported', () => {
    const problem = (...cells: string[]) => (read(...cells) as { problem?: string }).problem
    expect(problem('李明', '', '', '', '', '', '')).toBe('请填写用户名')
    expect(problem('', 'liming', '', '', '', '', '')).toBe('请填写姓名')
    expect(problem('李明', '李明', '', '', '', '', '')).toContain('用户名须为')
    expect(problem('李明', 'liming', '校长', '', '', '', '')).toContain('角色“校长”不认识')
    expect(problem('李明', 'liming', '校外教研员', '', '', '', '')).toContain('访问期限')
    expect(problem('李明', 'liming', '', '', '', '', 'short')).toBe('初始密码：密码至少 8 位')
    expect(problem('李明', 'liming88', '', '', '', '', 'liming88')).toBe('初始密码：密码不能与用户名相同')
    expect(problem('李明', 'liming', '', '组'.repeat(41), '', '', '')).toContain('备课组名称最多')
    expect(problem('李明', 'liming', '', '数学组', '数'.repeat(21), '', '')).toContain('学科、年级最多')
    expect(read('李明', 'liming', '', '', '', '', '')).toMatchObject({ entry: { username: 'liming' } })
  })

  it('keeps the username of a bad row, so the preview can name it', () => {
    expect(read('', 'liming', '', '', '', '', '')).toEqual({ row: 7, username: 'liming', problem: '请填写姓名' })
  })
})
