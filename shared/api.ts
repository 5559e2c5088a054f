/**
 * JSON shapes of the HTTP API, shared by the server (validation, OpenAPI) and the client (types).
 */
import { z } from 'zod'
import { accessLevels, roles } from './access.ts'
import { threadKinds } from './threads/thread-model.ts'

export const loginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
})
export type LoginRequest = z.infer<typeof loginRequest>

export const groupSummary = z.object({ id: z.string(), name: z.string() })

export const me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(roles),
  color: z.string(),
  schoolId: z.string(),
  groups: z.array(groupSummary),
  /** After a reset by the office: the app asks for a new password before anything else. */
  mustChangePassword: z.boolean().optional(),
})
export type Me = z.infer<typeof me>

export const loginResponse = z.object({ user: me })

export const wsToken = z.object({
  token: z.string(),
  expiresAt: z.string().describe('ISO 8601 time after which the token is refused'),
})
export type WsToken = z.infer<typeof wsToken>

export const documentSummary = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  access: z.enum(accessLevels),
  groupId: z.string(),
  groupName: z.string(),
  /** The lesson of the 备课计划 the document belongs to, if any. */
  lessonId: z.string().nullable(),
  /** The user's own: the teacher of an adaptation, reflection or variant, the creator of a plan (LIBRARY-6). */
  ownedByMe: z.boolean().default(false),
  /** May resolve anyone's thread and decide suggestions: the document's owner or the group's leader. */
  threadModerator: z.boolean().default(false),
  /** The kind the thread composer starts with for this user here (`defaultThreadKind`), e.g. 师徒批注 for a mentor. */
  threadKind: z.enum(threadKinds),
})
export type DocumentSummary = z.infer<typeof documentSummary>
