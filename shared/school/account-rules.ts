/**
 * What makes an account valid and who may change it. The office (教导处) manages the accounts of its own
 * school; nobody may take the school's last working 教导处 account away, or it could never be run again
 * without us. The routes, the command line and the first-run page all check through these functions.
 */
import type { Actor, Role } from '../access.ts'

export const roleLabels: Record<Role, string> = {
  admin: '教导处',
  leader: '组长',
  teacher: '教师',
  guest: '校外教研员',
}

export const usernamePattern = /^[A-Za-z0-9][A-Za-z0-9._@-]{1,63}$/
export const minPasswordLength = 8
export const maxPasswordLength = 256
export const maxDisplayNameLength = 32

/** A Chinese reason the username cannot be used, or null. */
export function usernameProblem(username: string): string | null {
  if (usernamePattern.test(username)) return null
  return '用户名须为 2–64 个字母、数字或 . _ @ -，以字母或数字开头'
}

export function passwordProblem(password: string, username: string): string | null {
  if (password.length < minPasswordLength) return `密码至少 ${minPasswordLength} 位`
  if (password.length > maxPasswordLength) return `密码最多 ${maxPasswordLength} 位`
  if (password === username) return '密码不能与用户名相同'
  return null
}

export function displayNameProblem(displayName: string): string | null {
  const trimmed = displayName.trim()
  if (trimmed.length === 0) return '请填写姓名'
  if (trimmed.length > maxDisplayNameLength) return `姓名最多 ${maxDisplayNameLength} 个字`
  return null
}

/** What stops a signed-in account from working, as of `now`. */
export interface AccountState {
  disabledAt: Date | null
  /** An outside expert's access ends at this moment. */
  accessUntil: Date | null
}

/** [SCHOOL-3] A disabled account, or an expert's past its end date, cannot sign in or keep a session. */
export function signInRefusal(account: AccountState, now: Date): string | null {
  if (account.disabledAt !== null) return '该账号已停用，请联系教导处'
  if (account.accessUntil !== null && account.accessUntil.getTime() <= now.getTime()) {
    return '访问期限已过，请联系教导处'
  }
  return null
}

/** [SCHOOL-5] A 校外教研员 always has an end date; nobody else has one. */
export function accessUntilProblem(role: Role, accessUntil: Date | null, now: Date): string | null {
  if (role !== 'guest') return accessUntil === null ? null : '只有校外教研员有访问期限'
  if (accessUntil === null) return '校外教研员须设访问期限'
  return accessUntil.getTime() > now.getTime() ? null : '访问期限须晚于现在'
}

/** The account the office wants to change, as far as the rules care. */
export interface ManagedAccount {
  id: string
  schoolId: string
  role: Role
  disabledAt: Date | null
}

export type AccountChangeKind = 'edit' | 'disable' | 'enable' | 'resetPassword'

/**
 * [SCHOOL-2] Only the office changes accounts, only of its own school. [SCHOOL-4] The office cannot
 * disable itself, nor leave the school without a working 教导处 account (`activeAdmins` counts the
 * school's enabled office accounts, the target included).
 */
export function accountChangeRefusal(
  actor: Actor,
  target: ManagedAccount,
  change: { kind: AccountChangeKind; role?: Role },
  activeAdmins: number,
): string | null {
  if (actor.role !== 'admin') return '只有教导处可以管理账号'
  if (actor.schoolId !== target.schoolId) return '没有这个账号'
  const removesAdmin =
    target.role === 'admin' &&
    target.disabledAt === null &&
    (change.kind === 'disable' || (change.kind === 'edit' && change.role !== undefined && change.role !== 'admin'))
  if (change.kind === 'disable' && target.id === actor.userId) return '不能停用自己的账号'
  if (removesAdmin && activeAdmins <= 1) return '学校至少要有一个可用的教导处账号'
  return null
}

export const maxSchoolNameLength = 60

export function schoolNameProblem(name: string): string | null {
  const trimmed = name.trim()
  if (trimmed.length === 0) return '请填写学校名称'
  return trimmed.length > maxSchoolNameLength ? `学校名称最多 ${maxSchoolNameLength} 个字` : null
}

/** The first account's name when none is given. */
export const defaultOfficeName = '教导处'
