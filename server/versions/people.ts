/** Display names of the users an answer mentions, looked up once each. */
import type { Person } from '../../shared/api/lessons.ts'
import type { Store } from '../store/store.ts'

export type People = ReadonlyMap<string, Person>

/** The users among `ids` that still exist; `personOf` stands in for the others. */
export async function peopleOf(store: Pick<Store, 'accounts'>, ids: Iterable<string>): Promise<People> {
  const users = await Promise.all([...new Set(ids)].map((id) => store.accounts.findUserById(id)))
  return new Map(users.flatMap((user) => (user ? [[user.id, { id: user.id, displayName: user.displayName }]] : [])))
}

export function personOf(people: People, id: string): Person {
  return people.get(id) ?? { id, displayName: '（已删除的用户）' }
}
