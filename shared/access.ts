/**
 * Roles and access levels. Who may open which document is decided in `workflow/document-access.ts`,
 * what may be done with a lesson in `workflow/lesson-rules.ts`.
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

export function canWriteContent(access: AccessLevel): boolean {
  return access === 'edit'
}

/** Only the office manages accounts, groups and mentorships. */
export function canManageSchool(actor: Actor): boolean {
  return actor.role === 'admin'
}
