/**
 * What every teacher does to their own account: change their password (which signs them out everywhere
 * else, [SCHOOL-9]), see where they are signed in and sign out there ([SCHOOL-10]).
 */
import type { SignedInSession } from '../../shared/api/school.ts'
import { passwordProblem } from '../../shared/school/account-rules.ts'
import { hashPassword, verifyPassword } from '../auth/passwords.ts'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import type { Authenticated } from '../auth/sessions.ts'
import type { RoomRegistry } from '../collab/room-registry.ts'
import type { Store } from '../store/store.ts'
import { forbid, missing, type Outcome, reject, succeed } from '../workflow/outcome.ts'

export interface OwnAccountContext {
  store: Pick<Store, 'accounts' | 'audit' | 'sessions'>
  /** Open documents: a session signed out elsewhere stops editing at once, not at its next request. */
  registry: Pick<RoomRegistry, 'closeConnectionsOf'>
}

export async function changeOwnPassword(
  { store, registry }: OwnAccountContext,
  { user, tokenHash }: Authenticated,
  currentPassword: string,
  newPassword: string,
): Promise<Outcome<void>> {
  const stored = await store.accounts.findUserByUsername(user.username)
  if (!stored || !(await verifyPassword(currentPassword, stored.passwordHash))) return forbid('当前密码不正确')
  const problem =
    passwordProblem(newPassword, user.username) ?? (newPassword === currentPassword ? '新密码不能与当前密码相同' : null)
  if (problem !== null) return reject(problem)
  await store.accounts.setPassword(user.id, await hashPassword(newPassword), false, {
    keepSessionTokenHash: tokenHash,
    audit: { actorId: user.id, action: 'account.changeOwnPassword', detail: {} },
  })
  closeOtherSessions(registry, user.id, tokenHash)
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
  { store, registry }: OwnAccountContext,
  { user }: Authenticated,
  id: string,
  now = new Date(),
): Promise<Outcome<void>> {
  const ended = (await store.sessions.listSessions(user.id, now)).find((session) => session.id === id)
  if (!(await store.sessions.deleteSessionById(user.id, id))) return missing('没有这个登录')
  // [SCHOOL-10] That browser's open documents close now, not when it next asks for something.
  if (ended)
    registry.closeConnectionsOf(user.id, CloseCode.unauthorized, 'signed out', (hash) => hash === ended.tokenHash)
  return succeed(undefined)
}

/** [SCHOOL-10] Every session but this one ends, and so do the documents they had open. */
export async function endOtherSessions(
  { store, registry }: OwnAccountContext,
  { user, tokenHash }: Authenticated,
): Promise<number> {
  const ended = await store.sessions.deleteOtherSessions(user.id, tokenHash)
  closeOtherSessions(registry, user.id, tokenHash)
  return ended
}

function closeOtherSessions(registry: OwnAccountContext['registry'], userId: string, keepTokenHash: string): void {
  registry.closeConnectionsOf(userId, CloseCode.unauthorized, 'signed out', (hash) => hash !== keepTokenHash)
}
