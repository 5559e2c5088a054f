/** Display names of the users an answer mentions, looked up once each. */
import type { Person } from '../../shared/api/versions.ts'
import type { Store } from '../store/store.ts'

export async function peopleById(store: Store, ids: Iterable<string>): Promise<Map<string, Person>> {
  const people = new Map<string, Person>()
  for (const id of new Set(ids)) {
    const user = await store.findUserById(id)
    people.set(id, { id, displayName: user?.displayName ?? '已删除的用户' })
  }
  return people
}
