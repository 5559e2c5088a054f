/**
 * What a user's search may ever return (SEARCH-4), as the same rules that open things decide it: a
 * document or a lesson's 定稿 and 集体备课记录 is readable by everyone of its school (`documentAccess`,
 * `decide('view')`), except that an outside expert reads only the groups they are invited to; a 听课记录
 * by the two teachers it is between and the office (`mayViewPair`: the office and the pair; a leader
 * reads it on the pair's page, where the pair is known, which search does not know).
 */
import type { Actor } from '../access.ts'

export interface SearchScope {
  schoolId: string
  /** The groups whose documents, versions and meetings may be returned; null for every group of the school. */
  groupIds: readonly string[] | null
  userId: string
  /** 听课记录: every one of the school, those the user observed or was observed in, or none. */
  observations: 'all' | 'own' | 'none'
}

export function searchScope(actor: Actor): SearchScope {
  const guest = actor.role === 'guest'
  return {
    schoolId: actor.schoolId,
    groupIds: guest ? actor.groupIds : null,
    userId: actor.userId,
    observations: actor.role === 'admin' ? 'all' : guest ? 'none' : 'own',
  }
}
