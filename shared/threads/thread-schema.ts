/**
 * What every value in the `threads` root may be: its type, its length and, for the few nested types,
 * what they may hold (`thread-model.ts` gives the layout). The server checks each value a client writes
 * against this before accepting the update; nothing a client wrote into a thread is read anywhere
 * (panel, notifications, exports) without having passed here (docs/BOUNDS.md, BOUNDS-4).
 */
import { limits } from '../limits.ts'
import { bodyMarks } from './rich-body.ts'
import { replyFields, suggestionDecisions, threadFields, threadKinds } from './thread-model.ts'

/** What one field holds: a plain value checked by `valid`, or a Yjs type of the given shape. */
export type FieldShape =
  | { kind: 'value'; valid(value: unknown): boolean }
  /** A rich body: a Y.Text of characters and the marks of `rich-body.ts`. */
  | { kind: 'body' }
  /** The replies: a Y.Array of reply maps. */
  | { kind: 'replies' }

type ThreadField = (typeof threadFields)[keyof typeof threadFields][number]
type ReplyField = (typeof replyFields)[keyof typeof replyFields][number]

const value = (valid: (value: unknown) => boolean): FieldShape => ({ kind: 'value', valid })

export function isThreadId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= limits.maxThreadIdChars
}

const isTime = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value) && value >= 0
const isText =
  (max: number) =>
  (value: unknown): boolean =>
    typeof value === 'string' && value.length <= max
const isAnchor = (value: unknown): boolean => value instanceof Uint8Array && value.length <= limits.maxThreadAnchorBytes
const isOneOf =
  (list: readonly string[]) =>
  (value: unknown): boolean =>
    typeof value === 'string' && list.includes(value)
const orNull =
  (valid: (value: unknown) => boolean) =>
  (value: unknown): boolean =>
    value === null || valid(value)

function isMentions(value: unknown): boolean {
  return Array.isArray(value) && value.length <= limits.maxThreadMentions && value.every(isThreadId)
}

export const threadShape: Record<ThreadField, FieldShape> = {
  id: value(isThreadId),
  kind: value(isOneOf(threadKinds)),
  authorId: value(isThreadId),
  createdAt: value(isTime),
  anchorStart: value(isAnchor),
  anchorEnd: value(isAnchor),
  quote: value(isText(limits.maxThreadQuoteChars)),
  suggestion: value(isText(limits.maxThreadQuoteChars)),
  body: { kind: 'body' },
  mentions: value(isMentions),
  state: value(isOneOf(['open', 'resolved'])),
  resolvedBy: value(orNull(isThreadId)),
  resolvedAt: value(orNull(isTime)),
  replies: { kind: 'replies' },
  decision: value(isOneOf(suggestionDecisions)),
  decidedBy: value(isThreadId),
  decidedAt: value(isTime),
}

export const replyShape: Record<ReplyField, FieldShape> = {
  id: value(isThreadId),
  authorId: value(isThreadId),
  createdAt: value(isTime),
  body: { kind: 'body' },
  mentions: value(isMentions),
}

/** Fields a new thread arrives with: everything but a suggestion and its decision. */
export const requiredThreadFields: readonly ThreadField[] = [
  ...threadFields.fixed.filter((field) => field !== 'suggestion'),
  ...threadFields.byAuthor,
  ...threadFields.resolution,
  ...threadFields.replies,
]

/** A reply's `mentions` may be missing: replies written before they could mention have none. */
export const requiredReplyFields: readonly ReplyField[] = [...replyFields.fixed, 'body']

export function threadFieldShape(field: string): FieldShape | null {
  return Object.hasOwn(threadShape, field) ? threadShape[field as ThreadField] : null
}

export function replyFieldShape(field: string): FieldShape | null {
  return Object.hasOwn(replyShape, field) ? replyShape[field as ReplyField] : null
}

/** A formatting attribute in a body: one of its marks, set (`true`) or cleared (`null`). */
export function isBodyMark(key: string, value: unknown): boolean {
  return (bodyMarks as readonly string[]).includes(key) && (value === true || value === null)
}

export function bodyFits(length: number): boolean {
  return length <= limits.maxThreadBodyChars
}
