import { describe, expect, it } from 'vitest'
import { groupNameProblem, leaderProblem, memberProblem } from '../../../shared/school/group-rules.ts'

describe('group rules', () => {
  it('asks for a name', () => {
    expect(groupNameProblem(' ')).toBe('请填写备课组名称')
    expect(groupNameProblem('七年级数学备课组')).toBeNull()
    expect(groupNameProblem('组'.repeat(41))).toBe('备课组名称最多 40 个字')
  })

  it.each([
    ['no leader', null, null],
    ['a member with the 组长 role', { id: 'wang', role: 'leader', disabledAt: null }, null],
    ['a member who is a 教师', { id: 'li', role: 'teacher', disabledAt: null }, '请先把这位老师的角色设为组长'],
    ['someone outside the group', { id: 'he', role: 'leader', disabledAt: null }, '组长须是本组成员'],
    ['a disabled member', { id: 'wang', role: 'leader', disabledAt: new Date(0) }, '该账号已停用，不能任组长'],
  ] as const)('[SCHOOL-6] leader: %s', (_name, leader, expected) => {
    expect(leaderProblem(leader, ['wang', 'li'])).toBe(expected)
  })

  it('[SCHOOL-7] keeps disabled accounts and outside experts out of a group’s members', () => {
    expect(memberProblem({ role: 'teacher', disabledAt: new Date(0) })).toBe('已停用的账号不能加入备课组')
    expect(memberProblem({ role: 'guest', disabledAt: null })).toBe('校外教研员不是组员，请在账号里选择可查看的备课组')
    expect(memberProblem({ role: 'leader', disabledAt: null })).toBeNull()
  })
})
