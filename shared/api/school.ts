/**
 * JSON shapes of running a school: the first-run page (`/api/setup`), the office's accounts, groups and
 * audit log (`/api/admin/…`), and a teacher's own password and sessions (`/api/me/…`).
 */
import { z } from 'zod'
import { roles } from '../access.ts'
import { maxPasswordLength, maxDisplayNameLength, maxSchoolNameLength } from '../school/account-rules.ts'
import { auditActions } from '../school/audit.ts'
import { maxGroupFieldLength, maxGroupNameLength } from '../school/group-rules.ts'

const username = z.string().trim().min(1).max(64)
const password = z.string().min(1).max(maxPasswordLength)
const displayName = z.string().trim().min(1).max(maxDisplayNameLength)
const isoTime = z.iso.datetime({ offset: true })

export const setupStatus = z.object({
  /** True while the database has no account: the first-run page can create the school. */
  needed: z.boolean(),
})

export const setupRequest = z.object({
  token: z.string().min(1).max(200).describe('The one-time token printed at start-up'),
  school: z.string().trim().min(1).max(maxSchoolNameLength),
  username,
  password,
  displayName: displayName.optional(),
})
export type SetupRequest = z.infer<typeof setupRequest>

export const account = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  /** ISO time the office disabled it; null while it works. */
  disabledAt: z.string().nullable(),
  mustChangePassword: z.boolean(),
  /** An outside expert's end of access. */
  accessUntil: z.string().nullable(),
  /** Groups it is a member of (for an outside expert: the groups they were invited to). */
  groupIds: z.array(z.string()),
})
export type Account = z.infer<typeof account>

export const newAccountRequest = z.object({
  username,
  displayName,
  role: z.enum(roles),
  /** Left out: a one-time password is made and shown once. */
  password: password.optional(),
  groupIds: z.array(z.string().min(1)).max(100).default([]),
  accessUntil: isoTime.nullable().default(null),
})
export type NewAccountRequest = z.input<typeof newAccountRequest>

export const accountChangeRequest = z.object({
  displayName: displayName.optional(),
  role: z.enum(roles).optional(),
  groupIds: z.array(z.string().min(1)).max(100).optional(),
  accessUntil: isoTime.nullable().optional(),
})
export type AccountChangeRequest = z.infer<typeof accountChangeRequest>

export const accountWithPassword = z.object({
  account,
  /** Shown once to the office to hand over; must be changed at the first sign-in. */
  oneTimePassword: z.string().nullable(),
})
export type AccountWithPassword = z.infer<typeof accountWithPassword>

export const schoolGroup = z.object({
  id: z.string(),
  name: z.string(),
  subject: z.string(),
  grade: z.string(),
  leaderId: z.string().nullable(),
  memberIds: z.array(z.string()),
})
export type SchoolGroup = z.infer<typeof schoolGroup>

const groupField = z.string().trim().max(maxGroupFieldLength)

export const newGroupRequest = z.object({
  name: z.string().trim().min(1).max(maxGroupNameLength),
  subject: groupField.default(''),
  grade: groupField.default(''),
})
export type NewGroupRequest = z.input<typeof newGroupRequest>

export const groupChangeRequest = z.object({
  name: z.string().trim().min(1).max(maxGroupNameLength).optional(),
  subject: groupField.optional(),
  grade: groupField.optional(),
  leaderId: z.string().min(1).nullable().optional(),
  memberIds: z.array(z.string().min(1)).max(500).optional(),
})
export type GroupChangeRequest = z.infer<typeof groupChangeRequest>

export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  action: z.enum(auditActions),
  /** Null for the first account, made at the command line or on the first-run page. */
  actor: z.object({ id: z.string(), displayName: z.string() }).nullable(),
  targetUser: z.object({ id: z.string(), displayName: z.string(), username: z.string() }).nullable(),
  targetGroup: z.object({ id: z.string(), name: z.string() }).nullable(),
  detail: z.record(z.string(), z.unknown()),
})
export type AuditEntryView = z.infer<typeof auditEntry>

export const auditQuery = z.object({
  before: isoTime.optional().describe('With `beforeId`: the previous page’s last entry’s `at`'),
  beforeId: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe('The previous page’s last entry’s `id`: entries of one millisecond are told apart by it'),
})

export const auditPage = z.object({ entries: z.array(auditEntry), more: z.boolean() })
export type AuditPage = z.infer<typeof auditPage>

export const passwordChangeRequest = z.object({
  currentPassword: password,
  newPassword: password,
})

export const signedInSession = z.object({
  id: z.string(),
  createdAt: z.string().nullable(),
  expiresAt: z.string(),
  userAgent: z.string().nullable(),
  /** The session this request came from. */
  current: z.boolean(),
})
export type SignedInSession = z.infer<typeof signedInSession>
