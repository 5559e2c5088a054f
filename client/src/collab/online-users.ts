/** Who has the document open, from awareness states: one entry per person, however many tabs. */

export interface UserIdentity {
  name: string
  color: string
}

export interface OnlineUser extends UserIdentity {
  isSelf: boolean
}

function identityOf(state: Record<string, unknown> | undefined): UserIdentity | null {
  const user = state?.['user'] as Partial<UserIdentity> | undefined
  if (typeof user?.name !== 'string' || typeof user.color !== 'string') return null
  return { name: user.name, color: user.color }
}

/** Yourself first, then the others by name as a Chinese reader sorts them. */
export function onlineUsersFrom(states: ReadonlyMap<number, Record<string, unknown>>, selfClientId: number): OnlineUser[] {
  const byKey = new Map<string, OnlineUser>()
  for (const [clientId, state] of states) {
    const identity = identityOf(state)
    if (!identity) continue
    const key = `${identity.name}\u0000${identity.color}`
    const isSelf = clientId === selfClientId || byKey.get(key)?.isSelf === true
    byKey.set(key, { ...identity, isSelf })
  }
  return [...byKey.values()].sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'zh-Hans-CN'),
  )
}

export function sameOnlineUsers(a: readonly OnlineUser[], b: readonly OnlineUser[] | undefined): boolean {
  return (
    b !== undefined &&
    a.length === b.length &&
    a.every((user, index) => user.name === b[index]!.name && user.color === b[index]!.color && user.isSelf === b[index]!.isSelf)
  )
}
