/** Names, colours and times as the thread panel shows them. */
import type { GroupMember } from '../../../shared/api/groups.ts'

export type People = ReadonlyMap<string, GroupMember>

/** Someone the server has not named (yet, or offline before it ever did). */
const unknownName = '其他老师'
export const unknownColor = '#868e96'

export function nameOf(people: People, userId: string): string {
  return people.get(userId)?.displayName ?? unknownName
}

export function colorOf(people: People, userId: string): string {
  return people.get(userId)?.color ?? unknownColor
}
