/**
 * JSON shapes of a group's people (`GET /api/groups/{groupId}/members`): whom a thread may @mention,
 * and the names and colours of threads' authors from outside the group (a guest, a mentor, the office).
 */
import { z } from 'zod'
import { roles } from '../access.ts'

export const groupMember = z.object({
  id: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  /** The user's colour in the editor, `#rrggbb`: carets, and the suggestions they make. */
  color: z.string(),
  /** In the group; the others were asked for by `also`. */
  member: z.boolean(),
  /**
   * The name's 拼音, joined, then its initials ("wangfang wf"), for the 「@」 list's filter. Absent from
   * lists a browser remembered before it existed.
   */
  spelling: z.string().default(''),
})
export type GroupMember = z.infer<typeof groupMember>

/** At most this many users outside the group per request: the authors of one document's threads. */
export const maxOtherPeople = 200

export const membersQuery = z.object({
  also: z
    .string()
    .max(maxOtherPeople * 40)
    .optional()
    .describe('Comma-separated ids of users of the same school to include though not in the group'),
})
