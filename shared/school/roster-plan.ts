/**
 * What importing a staff roster does to a school, decided before anything is written: which rows create
 * an account, which update one, which cannot be imported and why, which 备课组 are created, who joins
 * which group and who leads it. The preview shows this plan; the import writes it whole or not at all.
 */
import type { Role } from '../access.ts'
import { roleLabels } from './account-rules.ts'
import type { RosterEntry, RosterRowReading } from './roster-rules.ts'

export type RosterRowStatus = 'create' | 'update' | 'error'

export interface RosterRowResult {
  row: number
  status: RosterRowStatus
  username: string
  /** Why a row is an error; for the others, what it changes. */
  message?: string
}

/** An account of the importing school, as the plan needs it. */
export interface RosterAccount {
  id: string
  username: string
  displayName: string
  role: Role
  disabledAt: Date | null
  /** Groups it is a member of. */
  groupIds: readonly string[]
}

export interface RosterGroup {
  id: string
  name: string
  subject: string
  grade: string
  leaderId: string | null
}

export interface RosterSchool {
  accounts: readonly RosterAccount[]
  groups: readonly RosterGroup[]
  /** Usernames of the sheet that accounts of other schools already have (usernames are unique everywhere). */
  takenElsewhere: ReadonlySet<string>
}

export interface RosterPlan {
  rows: RosterRowResult[]
  errors: number
  newGroups: { name: string; subject: string; grade: string }[]
  /** Subject or grade the sheet gives an existing group. */
  groupChanges: { id: string; subject?: string; grade?: string }[]
  newAccounts: RosterEntry[]
  accountChanges: { id: string; username: string; displayName?: string; role?: Role }[]
  /** Replaces the groups the account (by username) is a member of. */
  memberships: { username: string; groupNames: string[] }[]
  /** The one 组长 of the sheet who names the group becomes its leader. */
  leaders: { groupName: string; username: string }[]
}

type Outcome = { status: 'create' | 'update'; notes: string[] } | { status: 'error'; message: string }

/** [SCHOOL-13] [SCHOOL-14] The plan of a roster whose rows were read by `readRosterRow`. */
export function planRoster(readings: readonly RosterRowReading[], school: RosterSchool): RosterPlan {
  const outcomes = new Map<number, Outcome>()
  const fail = (row: number, message: string) => outcomes.set(row, { status: 'error', message })
  for (const reading of readings) if ('problem' in reading) fail(reading.row, reading.problem)
  let entries = readings.flatMap((reading) => ('entry' in reading ? [reading.entry] : []))

  const rowsOf = new Map<string, number[]>()
  for (const { username, row } of entries) rowsOf.set(username, [...(rowsOf.get(username) ?? []), row])
  for (const entry of entries) {
    const others = rowsOf.get(entry.username)!.filter((row) => row !== entry.row)
    if (others.length > 0)
      fail(entry.row, `用户名 ${entry.username} 在第 ${others.join('、')} 行也出现了，每人只能占一行`)
  }
  entries = entries.filter((entry) => !outcomes.has(entry.row))

  const groupFacts = groupFactsOf(entries, fail)
  entries = entries.filter((entry) => !outcomes.has(entry.row))

  const accounts = new Map(school.accounts.map((account) => [account.username, account]))
  const groupsByName = new Map(school.groups.map((group) => [group.name, group]))
  const groupNameOf = new Map(school.groups.map((group) => [group.id, group.name]))
  const plan: RosterPlan = {
    rows: [],
    errors: 0,
    newGroups: [],
    groupChanges: [],
    newAccounts: [],
    accountChanges: [],
    memberships: [],
    leaders: [],
  }
  const announced = new Set<string>()

  for (const entry of entries) {
    const notes: string[] = []
    const newGroupNames = entry.groupNames.filter((name) => !groupsByName.has(name) && !announced.has(name))
    newGroupNames.forEach((name) => announced.add(name))
    if (newGroupNames.length > 0) notes.push(`新建备课组：${newGroupNames.join('、')}`)
    if (entry.groupNames.length === 0 && (entry.subject !== '' || entry.grade !== ''))
      notes.push('没有填备课组，学科和年级未用上')
    const existing = accounts.get(entry.username)
    if (school.takenElsewhere.has(entry.username)) {
      fail(entry.row, `用户名 ${entry.username} 已被其他学校的账号使用，请换一个`)
    } else if (existing === undefined) {
      plan.newAccounts.push(entry)
      if (entry.groupNames.length > 0) plan.memberships.push({ username: entry.username, groupNames: entry.groupNames })
      notes.unshift(entry.password === null ? '新账号，生成一次性密码' : '新账号，用名单中的初始密码')
      outcomes.set(entry.row, { status: 'create', notes })
    } else if (existing.disabledAt !== null) {
      fail(entry.row, '该账号已停用：请先在“账号”页恢复，或从名单中删去这一行')
    } else {
      const change: RosterPlan['accountChanges'][number] = { id: existing.id, username: existing.username }
      if (entry.displayName !== existing.displayName) {
        change.displayName = entry.displayName
        notes.push(`姓名改为${entry.displayName}`)
      }
      if (entry.role !== existing.role) {
        change.role = entry.role
        notes.push(`角色改为${roleLabels[entry.role]}`)
      }
      if (change.displayName !== undefined || change.role !== undefined) plan.accountChanges.push(change)
      const current = existing.groupIds.map((id) => groupNameOf.get(id) ?? id)
      // An empty 备课组 cell leaves an existing account's groups as they are: a list of names only is a fine roster.
      if (entry.groupNames.length > 0 && !sameSet(current, entry.groupNames)) {
        plan.memberships.push({ username: entry.username, groupNames: entry.groupNames })
        notes.push(`备课组改为${entry.groupNames.join('、')}`)
      }
      if (entry.password !== null) notes.push('已有账号，初始密码不用；要重置请到“账号”页')
      outcomes.set(entry.row, { status: 'update', notes })
    }
  }
  refuseLastAdminRemoval(plan, school, entries, fail)

  for (const [name, facts] of groupFacts) {
    const group = groupsByName.get(name)
    if (group === undefined) {
      plan.newGroups.push({ name, subject: facts.subject, grade: facts.grade })
      continue
    }
    const change: RosterPlan['groupChanges'][number] = { id: group.id }
    if (facts.subject !== '' && facts.subject !== group.subject) change.subject = facts.subject
    if (facts.grade !== '' && facts.grade !== group.grade) change.grade = facts.grade
    if (change.subject !== undefined || change.grade !== undefined) plan.groupChanges.push(change)
  }
  planLeaders(plan, entries, school, outcomes)

  plan.rows = readings.map((reading) => {
    const row = 'entry' in reading ? reading.entry.row : reading.row
    const username = 'entry' in reading ? reading.entry.username : reading.username
    const outcome = outcomes.get(row)!
    if (outcome.status === 'error') return { row, status: 'error', username, message: outcome.message }
    const notes = outcome.notes.length > 0 ? outcome.notes : ['已有账号，没有变化']
    return { row, status: outcome.status, username, message: notes.join('；') }
  })
  plan.errors = plan.rows.filter((row) => row.status === 'error').length
  return plan
}

interface GroupFacts {
  subject: string
  grade: string
  /** Rows that stated each, to name them when another row disagrees. */
  subjectRow: number
  gradeRow: number
}

/** 学科 and 年级 of each group the sheet names; a row that contradicts an earlier one is an error. */
function groupFactsOf(
  entries: readonly RosterEntry[],
  fail: (row: number, message: string) => void,
): Map<string, GroupFacts> {
  const facts = new Map<string, GroupFacts>()
  for (const entry of entries) {
    for (const name of entry.groupNames) {
      const known = facts.get(name) ?? { subject: '', grade: '', subjectRow: 0, gradeRow: 0 }
      facts.set(name, known)
      for (const [field, label, rowField] of [
        ['subject', '学科', 'subjectRow'],
        ['grade', '年级', 'gradeRow'],
      ] as const) {
        const value = entry[field]
        if (value === '') continue
        if (known[field] === '') {
          known[field] = value
          known[rowField] = entry.row
        } else if (known[field] !== value) {
          fail(entry.row, `备课组“${name}”的${label}在第 ${known[rowField]} 行是“${known[field]}”，这一行是“${value}”`)
        }
      }
    }
  }
  return facts
}

/** [SCHOOL-4] The sheet cannot take away the school's last working 教导处 account. */
function refuseLastAdminRemoval(
  plan: RosterPlan,
  school: RosterSchool,
  entries: readonly RosterEntry[],
  fail: (row: number, message: string) => void,
): void {
  const newRole = new Map(
    plan.accountChanges.flatMap((change) => (change.role === undefined ? [] : [[change.id, change.role] as const])),
  )
  const demoted = school.accounts.filter(
    (account) => account.role === 'admin' && account.disabledAt === null && newRole.has(account.id),
  )
  if (demoted.length === 0) return
  const remaining =
    school.accounts.filter(
      (account) => account.disabledAt === null && (newRole.get(account.id) ?? account.role) === 'admin',
    ).length + plan.newAccounts.filter((entry) => entry.role === 'admin').length
  if (remaining > 0) return
  const demotedNames = new Set(demoted.map((account) => account.username))
  for (const entry of entries) {
    if (demotedNames.has(entry.username)) fail(entry.row, '学校至少要有一个可用的教导处账号，不能把它们都改成别的角色')
  }
}

/**
 * [SCHOOL-6] A group named by exactly one 组长 row gets that 组长 as its leader. Where several 组长 name
 * the same group the sheet does not say who leads it, so its leader stays as it is and the rows say so.
 */
function planLeaders(
  plan: RosterPlan,
  entries: readonly RosterEntry[],
  school: RosterSchool,
  outcomes: Map<number, Outcome>,
): void {
  const accountIds = new Map(school.accounts.map((account) => [account.username, account.id]))
  const leaderIds = new Map(school.groups.map((group) => [group.name, group.leaderId]))
  const leadersOf = new Map<string, RosterEntry[]>()
  for (const entry of entries) {
    if (entry.role !== 'leader' || outcomes.get(entry.row)?.status === 'error') continue
    for (const name of entry.groupNames) leadersOf.set(name, [...(leadersOf.get(name) ?? []), entry])
  }
  for (const [groupName, leaders] of leadersOf) {
    const [only] = leaders
    if (only !== undefined && leaders.length === 1) {
      const leaderId = leaderIds.get(groupName)
      if (leaderId === undefined || leaderId === null || leaderId !== accountIds.get(only.username)) {
        plan.leaders.push({ groupName, username: only.username })
        const outcome = outcomes.get(only.row)
        if (outcome && outcome.status !== 'error') outcome.notes.push(`任“${groupName}”组长`)
      }
      continue
    }
    for (const leader of leaders) {
      const outcome = outcomes.get(leader.row)
      if (outcome && outcome.status !== 'error')
        outcome.notes.push(`“${groupName}”有多位组长，请在“备课组”页指定谁任组长`)
    }
  }
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item))
}
