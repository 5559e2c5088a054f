/** What makes a 备课组 valid: its name, and a leader who is one of its members with the 组长 role. */
import type { Role } from '../access.ts'

export const maxGroupNameLength = 40
export const maxGroupFieldLength = 20

export function groupNameProblem(name: string): string | null {
  const trimmed = name.trim()
  if (trimmed.length === 0) return '请填写备课组名称'
  return trimmed.length > maxGroupNameLength ? `备课组名称最多 ${maxGroupNameLength} 个字` : null
}

export interface LeaderCandidate {
  id: string
  role: Role
  disabledAt: Date | null
}

/** [SCHOOL-6] A group's leader is an enabled member with the 组长 role (the role is what lets them finalize). */
export function leaderProblem(leader: LeaderCandidate | null, memberIds: readonly string[]): string | null {
  if (leader === null) return null
  if (!memberIds.includes(leader.id)) return '组长须是本组成员'
  if (leader.disabledAt !== null) return '该账号已停用，不能任组长'
  return leader.role === 'leader' ? null : '请先把这位老师的角色设为组长'
}

/** [SCHOOL-7] Members teach in the group: an outside expert is invited to groups, not made a member. */
export function memberProblem(member: { role: Role; disabledAt: Date | null }): string | null {
  if (member.disabledAt !== null) return '已停用的账号不能加入备课组'
  return member.role === 'guest' ? '校外教研员不是组员，请在账号里选择可查看的备课组' : null
}
