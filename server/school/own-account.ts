/**
 * What every teacher does to their own account: change their password (which signs them out everywhere
 * else, [SCHOOL-9]), see where they are signed in and sign out there ([SCHOOL-10]).
 */
import type { SignedInSession } from '../../shared/api/school.ts'
import { passwordProblem } from '../../shared/school/account-rules.ts'
import { hashPassword, verifyPassword } from '../auth/passwords.ts'
import type { Authenticated } from '../auth/sessions.ts'
import type { Store } from '../store/store.ts'
import { forbid, missing, type Outcome, reject, succeed } from '../workflow/outcome.ts'

export async function changeOwnPassword(
  store: Pick<Store, 'accounts' | 'audit' | 'sessions'>,
  { user, tokenHash }: Authenticated,
  currentPassword: string,
  newPassword: string,
): Promise<Outcome<void>> {
  const stored = await store.accounts.findUserByUsername(user.username)
  if (!stored || !(await verifyPassword(currentPassword, stored.passwordHash))) return forbid('当前密码不正确')
  const problem =
    passwordProblem(newPassword, user.username) ?? (newPassword === currentPassword ? '新密码不能与当前密码相同' : null)
  if (problem !== null) return reject(problem)
  await store.accounts.setPassword(user.id, await hashPassword(newPassword), false)
  await store.sessions.deleteOtherSessions(user.id, tokenHash)
  await store.audit.addAuditEntry({
    schoolId: user.schoolId,
    actorId: user.id,
    action: 'account.changeOwnPassword',
    targetUserId: user.id,
    detail: {},
  })
  return succeed(undefined)
}

export async function ownSessions(
  store: Pick<Store, 'sessions'>,
  { user, tokenHash }: Authenticated,
  now = new Date(),
): Promise<SignedInSession[]> {
  return (await store.sessions.listSessions(user.id, now)).map((session) => ({
    id: session.id,
    createdAt: session.createdAt?.toISOString() ?? null,
    expiresAt: session.expiresAt.toISOString(),
    userAgent: session.userAgent,
    current: session.tokenHash === tokenHash,
  }))
}

export async function endOwnSession(
  store: Pick<Store, 'sessions'>,
  { user }: Authenticated,
  id: string,
): Promise<Outcome<void>> {
  return (await store.sessions.deleteSessionById(user.id, id)) ? succeed(undefined) : missing('没有这个登录')
}
