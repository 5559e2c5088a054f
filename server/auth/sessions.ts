/**
 * Session cookies and short-lived WebSocket tokens. The secret goes to the client; only its SHA-256
 * is stored, so a leaked database does not hand out sessions.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Actor } from '../../shared/access.ts'
import { limits } from '../../shared/limits.ts'
import { signInRefusal } from '../../shared/school/account-rules.ts'
import type { AccountRecord, SessionRecord, Store, UserRecord } from '../store/store.ts'

export const sessionCookieName = 'gongbei_session'

export interface Authenticated {
  user: AccountRecord
  actor: Actor
  /** The hash of the token it came from: the session a teacher is using right now. */
  tokenHash: string
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function startSession(
  store: Pick<Store, 'sessions'>,
  userId: string,
  kind: SessionRecord['kind'],
  now = new Date(),
  userAgent: string | null = null,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url')
  const ttl = kind === 'cookie' ? limits.sessionTtlSeconds : limits.wsTokenTtlSeconds
  const expiresAt = new Date(now.getTime() + ttl * 1000)
  await store.sessions.createSession(hashToken(token), { userId, kind, expiresAt, userAgent })
  return { token, expiresAt }
}

export async function endSession(store: Pick<Store, 'sessions'>, token: string): Promise<void> {
  await store.sessions.deleteSession(hashToken(token))
}

/**
 * The user behind a token of the given kind, or null if it is unknown, expired or of another kind, or
 * its account was disabled or its access ended ([SCHOOL-3]).
 */
export async function authenticate(
  store: Pick<Store, 'accounts' | 'groups' | 'sessions'>,
  token: string,
  kind: SessionRecord['kind'],
  now = new Date(),
): Promise<Authenticated | null> {
  const tokenHash = hashToken(token)
  const session = await store.sessions.findSession(tokenHash, now)
  if (!session || session.kind !== kind) return null
  const user = await store.accounts.findAccount(session.userId)
  if (!user || signInRefusal(user, now) !== null) return null
  return { user, actor: await actorOf(store, user), tokenHash }
}

export async function actorOf(store: Pick<Store, 'groups'>, user: UserRecord): Promise<Actor> {
  return {
    userId: user.id,
    role: user.role,
    schoolId: user.schoolId,
    // An outside expert's groups are those they were invited to ([SCHOOL-7]); they are never members.
    groupIds:
      user.role === 'guest' ? await store.groups.guestGroupIdsOf(user.id) : await store.groups.groupIdsOfUser(user.id),
  }
}
