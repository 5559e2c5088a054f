/**
 * How a staff roster sheet (教职工名单) is read: its columns, what each cell may say, and the Chinese
 * reason a row or a header cannot be used. The server reads .xlsx and .csv into rows of text cells and
 * hands them here; what the rows then do to the school is `planRoster` ([SCHOOL-13], [SCHOOL-14]).
 */
import type { Role } from '../access.ts'
import { displayNameProblem, passwordProblem, usernameProblem } from './account-rules.ts'
import { groupNameProblem, maxGroupFieldLength } from './group-rules.ts'

/** The template's columns, in its order; 初始密码 may be left out of a sheet. */
export const rosterColumns = ['姓名', '用户名', '角色', '备课组', '学科', '年级', '初始密码'] as const
export type RosterColumn = (typeof rosterColumns)[number]
const optionalColumns: readonly RosterColumn[] = ['初始密码']

/** A big school has a few hundred staff; a district office importing several schools' lists stays below this. */
export const maxRosterRows = 5000
/** An .xlsx of `maxRosterRows` rows is a few hundred KB; the rest is room for formatting. */
export const maxRosterBytes = 4 * 1024 * 1024

/** Between several 备课组 in one cell: 、，,；;／/ or a line break, as people type lists in Excel. */
const groupSeparators = /[、，,；;／/\n]+/

/** What the 角色 column may say, with the words schools use for the same role. */
const roleWords: Record<string, Role> = {
  教导处: 'admin',
  教务处: 'admin',
  组长: 'leader',
  备课组长: 'leader',
  教研组长: 'leader',
  教师: 'teacher',
  老师: 'teacher',
  校外教研员: 'guest',
  教研员: 'guest',
}

/** One row of the sheet as text cells, with its row number as Excel shows it. */
export interface RosterSheetRow {
  row: number
  cells: readonly string[]
}

/** Where each column is in the sheet's header; absent optional columns are -1. */
export type RosterColumnIndexes = Record<RosterColumn, number>

/** A header cell as people type it: `用户名*` or `初始密码（可不填）` name the same column. */
function headerName(cell: string): string {
  return cell.replace(/[（(][^）)]*[）)]/g, '').replace(/[*＊\s]/g, '')
}

/** The column positions, or the Chinese reason the header is not the template's. */
export function rosterHeader(header: readonly string[]): { indexes: RosterColumnIndexes } | { problem: string } {
  const names = header.map(headerName)
  const indexes = Object.fromEntries(
    rosterColumns.map((column) => [column, names.indexOf(column)]),
  ) as RosterColumnIndexes
  const missing = rosterColumns.filter((column) => indexes[column] === -1 && !optionalColumns.includes(column))
  if (missing.length > 0) {
    return {
      problem: `表头缺少：${missing.join('、')}。第一行须是模板的列：${rosterColumns.join('、')}（初始密码可不填）`,
    }
  }
  const repeated = rosterColumns.find((column) => names.filter((name) => name === column).length > 1)
  return repeated ? { problem: `表头里“${repeated}”出现了不止一次` } : { indexes }
}

/** A row the school can take, its cells read. */
export interface RosterEntry {
  row: number
  displayName: string
  username: string
  role: Role
  /** Groups the person is a member of, in the order written, each once. */
  groupNames: string[]
  /** For the groups of the row; empty when not stated. */
  subject: string
  grade: string
  /** Null: a one-time password is generated. */
  password: string | null
}

export type RosterRowReading = { entry: RosterEntry } | { row: number; username: string; problem: string }

export function isBlankRow(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === '')
}

/** The entry of one row, or the Chinese reason it cannot be imported. */
export function readRosterRow({ row, cells }: RosterSheetRow, indexes: RosterColumnIndexes): RosterRowReading {
  const cell = (column: RosterColumn) => (indexes[column] === -1 ? '' : (cells[indexes[column]] ?? '').trim())
  const username = cell('用户名')
  const fail = (problem: string): RosterRowReading => ({ row, username, problem })
  const displayName = cell('姓名')
  if (username === '') return fail('请填写用户名')
  const nameProblem = displayNameProblem(displayName) ?? usernameProblem(username)
  if (nameProblem) return fail(nameProblem)
  const roleText = cell('角色').replace(/\s/g, '')
  const role = roleText === '' ? 'teacher' : roleWords[roleText]
  if (role === undefined) return fail(`角色“${roleText}”不认识，请填 教导处、组长 或 教师（不填即为教师）`)
  if (role === 'guest') return fail('校外教研员须设访问期限，请在“账号”页单独添加')
  const groupNames = [
    ...new Set(
      cell('备课组')
        .split(groupSeparators)
        .map((name) => name.trim())
        .filter(Boolean),
    ),
  ]
  const groupProblem = groupNames.map(groupNameProblem).find((problem) => problem !== null)
  if (groupProblem) return fail(groupProblem)
  const subject = cell('学科')
  const grade = cell('年级')
  const longField = [subject, grade].some((value) => value.length > maxGroupFieldLength)
  if (longField) return fail(`学科、年级最多 ${maxGroupFieldLength} 个字`)
  const passwordText = indexes['初始密码'] === -1 ? '' : (cells[indexes['初始密码']] ?? '')
  const password = passwordText.trim() === '' ? null : passwordText.trim()
  const passwordIssue = password === null ? null : passwordProblem(password, username)
  if (passwordIssue) return fail(`初始密码：${passwordIssue}`)
  return { entry: { row, displayName, username, role, groupNames, subject, grade, password } }
}
