import { z } from 'zod'
import { type GroupMember, groupMember } from '../../../shared/api/groups.ts'
import { answerOrRemembered } from '../offline/offline-fallback.ts'
import { apiRequest } from './http.ts'

const memberList = z.array(groupMember)

/**
 * The group's members and the other users named by `also` (ids). Remembered per group, so that offline
 * the threads still show their authors' names.
 */
export function fetchGroupPeople(groupId: string, also: readonly string[] = []): Promise<GroupMember[]> {
  const path = `/api/groups/${encodeURIComponent(groupId)}/members`
  const query = also.length > 0 ? `?also=${encodeURIComponent([...also].sort().join(','))}` : ''
  return answerOrRemembered(path, memberList, () => apiRequest<GroupMember[]>(path + query))
}
