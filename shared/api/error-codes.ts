/**
 * The machine codes of the HTTP API's errors, answered as `{error: {code, message}}` beside the HTTP
 * status. A code is a contract: clients decide by it (the web client words its message from it,
 * `client/src/api/teacher-message.ts`), so a code is never renamed or reused; a new case gets a new
 * code. The message is Chinese, written for teachers where the server knows the reason (a rule's
 * refusal), and stays the fallback of a client that does not know the code yet.
 */
import { z } from 'zod'

export const errorCodes = [
  /** A request the route cannot take (400); the message says which field and why. */
  'invalid_request',
  /** Nobody is signed in, the session ended, or the user name or password is wrong (401). */
  'unauthorized',
  /** A rule refused this user this action (403); the message gives the rule's reason. */
  'forbidden',
  /** Not there, or not visible to this user (404): other schools' things do not exist for her. */
  'not_found',
  /** Over a size limit (413): a body, an upload, a picture. */
  'payload_too_large',
  /** A body that is not of the type the route reads (JSON where JSON is asked for) (415). */
  'unsupported_media_type',
  /** Too many attempts (sign-in) (429); the `Retry-After` header says when to try again. */
  'too_many_requests',
  /** An upload that is not the kind of file asked for (not a .docx, not a picture) (400). */
  'unsupported_file',
  /** An upload refused for safety: a zip bomb, macros, encryption (400). */
  'unsafe_file',
  /** An upload of the right kind that cannot be read (400). */
  'corrupt_file',
  /** The server cannot make a PDF now (no Chromium, or too many at once): print from the browser instead (503). */
  'pdf_unavailable',
  /** The office reset this password: only changing it (and signing out) works until then (403). */
  'password_change_required',
  /**
   * A service the server needs for this request (Redis, shared by several instances) does not answer
   * for the moment (503); nothing was changed, and the same request may be sent again shortly.
   */
  'service_unavailable',
  /** The server failed (500); the details are in its log, never in the answer. */
  'internal',
] as const
export type ErrorCode = (typeof errorCodes)[number]

export const apiError = z.object({
  error: z.object({ code: z.enum(errorCodes), message: z.string() }),
})
export type ApiErrorBody = z.infer<typeof apiError>

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value)
}
