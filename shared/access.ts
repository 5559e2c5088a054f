/**
 * Who may open a document, and how. Pure rules: the server enforces them (REST and WebSocket), the UI
 * calls the same functions only to show what the server will allow.
 */
export const roles = ['admin', 'leader', 'teacher', 'guest'] as const
export type Role = (typeof roles)[number]

export const accessLevels = ['edit', 'comment', 'read'] as const
export type AccessLevel = (typeof accessLevels)[number]

export interface Actor {
  userId: string
  role: Role
  schoolId: string
  /** Ids of the subject groups this user is a member of. */
  groupIds: readonly string[]
}

export interface DocumentScope {
  schoolId: string
  groupId: string
}

/**
 * - members of the document's group edit it;
 * - everyone else of the same school (the office, other groups, invited guests) reads it;
 * - nobody outside the school sees it.
 */
export function documentAccess(actor: Actor, document: DocumentScope): AccessLevel | null {
  if (actor.schoolId !== document.schoolId) return null
  if (actor.role !== 'guest' && actor.groupIds.includes(document.groupId)) return 'edit'
  return 'read'
}

export function canWriteContent(access: AccessLevel): boolean {
  return access === 'edit'
}

/** Only the office manages accounts, groups and mentorships. */
export function canManageSchool(actor: Actor): boolean {
  return actor.role === 'admin'
}
