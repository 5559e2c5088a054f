/**
 * Which groups' finished plans a user may read in the 资源库 (LIBRARY-1): the same rule as reading a
 * lesson (`decide('view')`), put as a filter the store can apply, so that nothing outside it is ever
 * listed or counted.
 */
import type { Actor } from '../access.ts'

export interface LibraryScope {
  schoolId: string
  /** Only these groups; null for every group of the school. */
  groupIds: readonly string[] | null
}

export function libraryScope(actor: Actor): LibraryScope {
  // [SCHOOL-7] An outside expert reads only the groups the office invited them to.
  return { schoolId: actor.schoolId, groupIds: actor.role === 'guest' ? actor.groupIds : null }
}

export function inLibraryScope(scope: LibraryScope, schoolId: string, groupId: string): boolean {
  return schoolId === scope.schoolId && (scope.groupIds === null || scope.groupIds.includes(groupId))
}
