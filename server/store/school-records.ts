/** What the store keeps for running a school (migration 010): account state, group details, sessions, audit log. */
import type { Role } from '../../shared/access.ts'
import type { AuditAction } from '../../shared/school/audit.ts'

export interface AccountState {
  disabledAt: Date | null
  /** After a reset by the office: the next sign-in must choose a new password. */
  mustChangePassword: boolean
  /** An outside expert's access ends at this moment. */
  accessUntil: Date | null
}

export interface NewAccount extends Partial<Pick<AccountState, 'mustChangePassword' | 'accessUntil'>> {
  username: string
  displayName: string
  role: Role
  schoolId: string
  color: string
  passwordHash: string
  /** The groups it joins as a member or, for an outside expert, is invited to; written with the account. */
  groupIds?: readonly string[]
}

export interface AccountChange {
  displayName?: string
  role?: Role
  accessUntil?: Date | null
  /** Replaces the groups the account is a member of (those it stops being in lose it as leader). */
  memberGroupIds?: readonly string[]
  /** Replaces the groups an outside expert is invited to. */
  guestGroupIds?: readonly string[]
}

/** What a new password also does, in its transaction. */
export interface PasswordEffects {
  /** Every other session of the account ends; null ends them all. */
  keepSessionTokenHash: string | null
  audit: AuditNote
}

export interface GroupDetails {
  id: string
  schoolId: string
  name: string
  subject: string
  grade: string
  leaderId: string | null
  /** By id. */
  memberIds: string[]
  /** Outside experts invited to the group, by id; they are not members. */
  guestIds: string[]
}

export interface GroupChange {
  name?: string
  subject?: string
  grade?: string
  leaderId?: string | null
  /** Replaces the members, before the leader is set. */
  memberIds?: readonly string[]
}

/** A new group's subject and grade, and the audit entry naming it. */
export interface NewGroupDetails {
  subject: string
  grade: string
  audit?: AuditNote
}

/** A session as its owner sees it in 登录设备. */
export interface SessionView {
  id: string
  kind: 'cookie' | 'ws'
  /** Null for sessions started before it was recorded. */
  createdAt: Date | null
  expiresAt: Date
  userAgent: string | null
}

/** A school of the server and what its office decided about single sign-on. */
export interface SchoolRecord {
  id: string
  name: string
  /** [SCHOOL-16] Single sign-on may create an account for a teacher it does not know. */
  ssoCreatesAccounts: boolean
}

/** The audit entry of a change whose target the store makes (an account it creates). */
export type AuditNote = Pick<NewAuditEntry, 'actorId' | 'action' | 'detail'>

export interface NewAuditEntry {
  schoolId: string
  /** Null for the first account, made from the command line or the first-run page. */
  actorId: string | null
  action: AuditAction
  targetUserId?: string | null
  targetGroupId?: string | null
  detail: Record<string, unknown>
}

/** Where a page of the audit log ended: entries of one millisecond are told apart by id. */
export interface AuditCursor {
  at: Date
  id: string
}

export interface AuditEntry extends Required<NewAuditEntry> {
  id: string
  at: Date
}

/** Thrown by the store when a username is already in use, in any school. */
export class UsernameTakenError extends Error {
  constructor(readonly username: string) {
    super(`The username "${username}" is already taken`)
  }
}

/** Thrown by the store when a school already has a group of that name. */
export class GroupNameTakenError extends Error {
  constructor(readonly groupName: string) {
    super(`The school already has a group named "${groupName}"`)
  }
}
