/**
 * Session cookies and short-lived WebSocket tokens. The secret goes to the client; only its SHA-256
 * is stored, so a leaked database does not hand out sessions.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Actor } from '../../shared/access.ts'
import { limits } from '../../shared/limits.ts'
import type { SessionRecord, Store, UserRecord } from '../store/store.ts'

export const sessionCookieName = 'gongbei_session'

export interface Authenticated {
  user: UserRecord
  actor: Actor
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export async function startSession(
  store: Store,
  userId: string,
  kind: SessionRecord['kind'],
  now = new Date(),
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url')
  const ttl = kind === 'cookie' ? limits.sessionTtlSeconds : limits.wsTokenTtlSeconds
  const expiresAt = new Date(now.getTime() + ttl * 1000)
  await store.createSession(hashToken(token), { userId, kind, expiresAt })
  return { token, expiresAt }
}

export async function endSession(store: Store, token: string): Promise<void> {
  await store.deleteSession(hashToken(token))
}

/** The user behind a token of the given kind, or null if it is unknown, expired or of another kind. */
export async function authenticate(
  store: Store,
  token: string,
  kind: SessionRecord['kind'],
  now = new Date(),
): Promise<Authenticated | null> {
  const session = await store.findSession(hashToken(token), now)
  if (!session || session.kind !== kind) return null
  const user = await store.findUserById(session.userId)
  if (!user) return null
  return { user, actor: await actorOf(store, user) }
}

export async function actorOf(store: Store, user: UserRecord): Promise<Actor> {
  return {
    userId: user.id,
    role: user.role,
    schoolId: user.schoolId,
    groupIds: await store.groupIdsOfUser(user.id),
  }
}
