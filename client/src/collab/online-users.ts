/**
 * Who has the document open, from awareness states: one entry per person, however many tabs. The
 * `user` of a state is the server's (it replaces whatever a client wrote there with the identity of
 * that connection's session, docs/SECURITY.md), so the list can be trusted to name who is really there.
 */
import type { AwarenessUser } from '../../../shared/protocol/awareness-update.ts'

export interface OnlineUser extends AwarenessUser {
  isSelf: boolean
}

function identityOf(state: Record<string, unknown> | undefined): AwarenessUser | null {
  const user = state?.['user'] as Partial<AwarenessUser> | undefined
  if (typeof user?.id !== 'string' || typeof user.name !== 'string' || typeof user.color !== 'string') return null
  return { id: user.id, name: user.name, color: user.color }
}

/** Yourself first, then the others by name as a Chinese reader sorts them. */
export function onlineUsersFrom(
  states: ReadonlyMap<number, Record<string, unknown>>,
  selfClientId: number,
): OnlineUser[] {
  const byId = new Map<string, OnlineUser>()
  for (const [clientId, state] of states) {
    const identity = identityOf(state)
    if (!identity) continue
    const isSelf = clientId === selfClientId || byId.get(identity.id)?.isSelf === true
    byId.set(identity.id, { ...identity, isSelf })
  }
  return [...byId.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'zh-Hans-CN'),
  )
}

export function sameOnlineUsers(a: readonly OnlineUser[], b: readonly OnlineUser[] | undefined): boolean {
  return (
    b !== undefined &&
    a.length === b.length &&
    a.every((user, index) => {
      const other = b[index]!
      return (
        user.id === other.id && user.name === other.name && user.color === other.color && user.isSelf === other.isSelf
      )
    })
  )
}
