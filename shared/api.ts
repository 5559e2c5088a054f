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
  /** May resolve anyone's thread and decide suggestions: the document's owner or the group's leader. */
  threadModerator: z.boolean().default(false),
  /** The kind the thread composer starts with for this user here (`defaultThreadKind`), e.g. 师徒批注 for a mentor. */
  threadKind: z.enum(threadKinds),
})
export type DocumentSummary = z.infer<typeof documentSummary>

export const errorCodes = [
  'invalid_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'payload_too_large',
  /** A body that is not of the type the route reads (JSON where JSON is asked for). */
  'unsupported_media_type',
  /** Too many attempts (sign-in); the `Retry-After` header says when to try again. */
  'too_many_requests',
  /** An upload that is not the kind of file asked for (not a .docx). */
  'unsupported_file',
  /** An upload refused for safety: a zip bomb, macros, encryption. */
  'unsafe_file',
  /** An upload of the right kind that cannot be read. */
  'corrupt_file',
  /** The server cannot make a PDF now (no Chromium, or too many at once): print from the browser instead. */
  'pdf_unavailable',
  /** The office reset this password: only changing it (and signing out) works until then. */
  'password_change_required',
  'internal',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export const apiError = z.object({
  error: z.object({ code: z.enum(errorCodes), message: z.string() }),
})
export type ApiErrorBody = z.infer<typeof apiError>
