/** What a staff roster does to a school, planned before anything is written ([SCHOOL-13], [SCHOOL-14]). */
import { describe, expect, it } from 'vitest'
import { planRoster, type RosterSchool } from '../../../shared/school/roster-plan.ts'
import {
  readRosterRow,
  rosterColumns,
  rosterHeader,
  type RosterColumnIndexes,
} from '../../../shared/school/roster-rules.ts'

const indexes = (rosterHeader([...rosterColumns]) as { indexes: RosterColumnIndexes }).indexes
const sheet = (...rows: string[][]) => rows.map((cells, index) => readRosterRow({ row: index + 2, cells }, indexes))

const school: RosterSchool = {
  accounts: [
    { id: 'u-office', username: 'office', displayName: '周主任', role: 'admin', disabledAt: null, groupIds: [] },
    { id: 'u-wang', username: 'wang', displayName: '王老师', role: 'leader', disabledAt: null, groupIds: ['g-math'] },
    { id: 'u-li', username: 'li', displayName: '李老师', role: 'teacher', disabledAt: null, groupIds: ['g-math'] },
    { id: 'u-gone', username: 'gone', displayName: '退休', role: 'teacher', disabledAt: new Date(0), groupIds: [] },
  ],
  groups: [{ id: 'g-math', name: '七年级数学备课组', subject: '数学', grade: '七年级', leaderId: 'u-wang' }],
  takenElsewhere: new Set(['elsewhere']),
}

describe('[SCHOOL-13] planning a roster', () => {
  it('creates new usernames, updates known ones, and creates the groups the school does not have', () => {
    const plan = planRoster(
      sheet(
        ['王老师', 'wang', '组长', '七年级数学备课组', '', '', ''],
        ['赵老师', 'zhao', '', '七年级数学备课组、七年级物理备课组', '', '七年级', 'Zhao2024ab'],
        ['钱老师', 'qian', '组长', '七年级物理备课组', '物理', '', ''],
      ),
      school,
    )
    expect(plan.rows).toEqual([
      { row: 2, status: 'update', username: 'wang', message: '已有账号，没有变化' },
      {
        row: 3,
        status: 'create',
        username: 'zhao',
        message: '新账号，用名单中的初始密码；新建备课组：七年级物理备课组',
      },
      { row: 4, status: 'create', username: 'qian', message: '新账号，生成一次性密码；任“七年级物理备课组”组长' },
    ])
    expect(plan.errors).toBe(0)
    expect(plan.newGroups).toEqual([{ name: '七年级物理备课组', subject: '物理', grade: '七年级' }])
    expect(plan.newAccounts.map((entry) => entry.username)).toEqual(['zhao', 'qian'])
    expect(plan.memberships).toEqual([
      { username: 'zhao', groupNames: ['七年级数学备课组', '七年级物理备课组'] },
      { username: 'qian', groupNames: ['七年级物理备课组'] },
    ])
    expect(plan.leaders).toEqual([{ groupName: '七年级物理备课组', username: 'qian' }])
    expect(plan.accountChanges).toEqual([])
  })

  it('updates what the sheet changes, and leaves an existing account’s groups when the cell is empty', () => {
    const plan = planRoster(
      sheet(
        ['李明', 'li', '组长', '', '', '', 'Password12'],
        ['王老师', 'wang', '教师', '七年级物理备课组', '', '', ''],
      ),
      school,
    )
    expect(plan.rows.map((row) => row.message)).toEqual([
      '姓名改为李明；角色改为组长；已有账号，初始密码不用；要重置请到“账号”页',
      '新建备课组：七年级物理备课组；角色改为教师；备课组改为七年级物理备课组',
    ])
    expect(plan.accountChanges).toEqual([
      { id: 'u-li', username: 'li', displayName: '李明', role: 'leader' },
      { id: 'u-wang', username: 'wang', role: 'teacher' },
    ])
    expect(plan.memberships).toEqual([{ username: 'wang', groupNames: ['七年级物理备课组'] }])
    expect(plan.newAccounts).toEqual([])
  })

  it('[SCHOOL-6] leaves a group’s leader alone when several 组长 name it', () => {
    const plan = planRoster(
      sheet(
        ['甲', 'jia', '组长', '七年级数学备课组', '', '', ''],
        ['乙', 'yi', '组长', '七年级数学备课组', '', '', ''],
      ),
      school,
    )
    expect(plan.leaders).toEqual([])
    expect(plan.rows[0]!.message).toContain('“七年级数学备课组”有多位组长')
  })

  it('sets the subject and grade the sheet gives an existing group', () => {
    const plan = planRoster(sheet(['李老师', 'li', '', '七年级数学备课组', '数学', '初一', '']), school)
    expect(plan.groupChanges).toEqual([{ id: 'g-math', grade: '初一' }])
  })
})

describe('[SCHOOL-14] rows a roster cannot import', () => {
  it('duplicate usernames, other schools’ usernames, disabled accounts, contradicting groups', () => {
    const plan = planRoster(
      sheet(
        ['甲', 'jia', '', '', '', '', ''],
        ['外', 'elsewhere', '', '', '', '', ''],
        ['乙', 'jia', '', '', '', '', ''],
        ['退', 'gone', '', '', '', '', ''],
        ['丙', 'bing', '', '新组', '数学', '', ''],
        ['丁', 'ding', '', '新组', '语文', '', ''],
        ['', 'wu', '', '', '', '', ''],
      ),
      school,
    )
    expect(plan.rows.map(({ row, status, message }) => [row, status, message])).toEqual([
      [2, 'error', '用户名 jia 在第 4 行也出现了，每人只能占一行'],
      [3, 'error', '用户名 elsewhere 已被其他学校的账号使用，请换一个'],
      [4, 'error', '用户名 jia 在第 2 行也出现了，每人只能占一行'],
      [5, 'error', '该账号已停用：请先在“账号”页恢复，或从名单中删去这一行'],
      [6, 'create', '新账号，生成一次性密码；新建备课组：新组'],
      [7, 'error', '备课组“新组”的学科在第 6 行是“数学”，这一行是“语文”'],
      [8, 'error', '请填写姓名'],
    ])
    expect(plan.errors).toBe(6)
  })

  it('[SCHOOL-4] cannot take away the last 教导处, but may hand it over', () => {
    const demote = planRoster(sheet(['周主任', 'office', '教师', '', '', '', '']), school)
    expect(demote.rows[0]).toMatchObject({
      status: 'error',
      message: '学校至少要有一个可用的教导处账号，不能把它们都改成别的角色',
    })
    const handOver = planRoster(
      sheet(['周主任', 'office', '教师', '', '', '', ''], ['吴主任', 'wu', '教导处', '', '', '', '']),
      school,
    )
    expect(handOver.errors).toBe(0)
  })
})
