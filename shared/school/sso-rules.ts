/**
 * Single sign-on (统一身份认证): which account a verified identity signs into, and when one is created
 * for it. The identity provider has proven who the person is; these rules decide what that means here.
 */
import type { Role } from '../access.ts'
import { type AccountState, displayNameProblem, maxDisplayNameLength, usernameProblem } from './account-rules.ts'

/** Why a single sign-on ends without a session; each has its words in `ssoFailureMessages`. */
export const ssoFailures = [
  'state',
  'denied',
  'invalid',
  'unavailable',
  'claim',
  'school',
  'no_account',
  'disabled',
  'expired',
] as const
export type SsoFailure = (typeof ssoFailures)[number]

export const ssoFailureMessages: Record<SsoFailure, string> = {
  state: '这次统一身份认证登录已过期，或不是从本页发起的，请重新点击「统一身份认证登录」',
  denied: '统一身份认证没有完成登录，请重试',
  invalid: '统一身份认证的回应未通过校验，请重试；仍不行请联系教导处',
  unavailable: '暂时连不上学校的统一身份认证，请稍后再试，或用账号密码登录',
  claim: '统一身份认证没有提供可用的用户名，请联系教导处',
  school: '本服务器没有设置统一身份认证对应的学校，请联系管理员',
  no_account: '你在统一身份认证中的账号还没有在共备开通，请联系教导处',
  disabled: '该账号已停用，请联系教导处',
  expired: '访问期限已过，请联系教导处',
}

export interface SsoAccount extends AccountState {
  id: string
  schoolId: string
}

export type SsoDecision<A> =
  | { kind: 'signIn'; account: A }
  | { kind: 'create'; username: string; displayName: string; role: Role }
  | { kind: 'refuse'; failure: SsoFailure }

/**
 * [SCHOOL-15] The configured claim's value is the username of an account of the school single sign-on
 * belongs to; an account of another school with that username is not this person. [SCHOOL-16] Without
 * one, an account is created only where the office allows it: a 教师 in no group.
 */
export function ssoDecision<A extends SsoAccount>(
  claim: unknown,
  name: unknown,
  found: A | null,
  school: { id: string; ssoCreatesAccounts: boolean },
  now: Date,
): SsoDecision<A> {
  const username = typeof claim === 'string' ? claim.trim() : typeof claim === 'number' ? String(claim) : ''
  if (username === '') return { kind: 'refuse', failure: 'claim' }
  if (found !== null && found.schoolId === school.id) {
    if (found.disabledAt !== null) return { kind: 'refuse', failure: 'disabled' }
    if (found.accessUntil !== null && found.accessUntil.getTime() <= now.getTime()) {
      return { kind: 'refuse', failure: 'expired' }
    }
    return { kind: 'signIn', account: found }
  }
  // Taken in another school: creating it here would fail, and signing into theirs would be wrong.
  if (found !== null || !school.ssoCreatesAccounts) return { kind: 'refuse', failure: 'no_account' }
  if (usernameProblem(username) !== null) return { kind: 'refuse', failure: 'claim' }
  const given = typeof name === 'string' ? name.trim().slice(0, maxDisplayNameLength) : ''
  const displayName = displayNameProblem(given) === null ? given : username.slice(0, maxDisplayNameLength)
  return { kind: 'create', username, displayName, role: 'teacher' }
}
