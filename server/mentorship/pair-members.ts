/** Loads what the 师徒结对 rules need to know about people (`shared/mentorship/pairing-rules.ts`). */
import type { PairMember } from '../../shared/mentorship/pairing-rules.ts'
import type { Store, UserRecord } from '../store/store.ts'

export interface Member extends PairMember {
  displayName: string
}

/** The users among `ids` that exist, with their groups. */
export async function membersOf(
  store: Pick<Store, 'accounts' | 'groups'>,
  ids: Iterable<string>,
): Promise<Map<string, Member>> {
  const users = await Promise.all([...new Set(ids)].map((id) => store.accounts.findUserById(id)))
  const found = users.filter((user): user is UserRecord => user !== null)
  const groups = await Promise.all(found.map((user) => store.groups.groupIdsOfUser(user.id)))
  return new Map(
    found.map((user, index) => [
      user.id,
      {
        userId: user.id,
        role: user.role,
        schoolId: user.schoolId,
        groupIds: groups[index]!,
        displayName: user.displayName,
      },
    ]),
  )
}
