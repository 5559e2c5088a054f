/**
 * Suggestions (建议修改): a thread that proposes to replace its passage, within one text node, by other
 * text (empty for a deletion). A moderator accepts or rejects it once; accepting applies it as an
 * ordinary edit of the content, and both leave the decision in the thread.
 *
 * A suggestion is applied only to the very words it quotes. Once they changed — someone typed in them,
 * another suggestion on overlapping words was accepted, they were deleted — it is stale and can only
 * be rejected. That is what keeps several suggestions on overlapping text consistent.
 */
import * as Y from 'yjs'
import { anchorPositions, contentOf, isAlive, pointAt, resolveAnchor } from './thread-anchor.ts'
import { createThread, type NewThread } from './thread-edits.ts'
import { type SuggestionDecision, suggestionDecisions, threadsOf } from './thread-model.ts'

export const suggestionStatuses = ['pending', 'stale', ...suggestionDecisions] as const
export type SuggestionStatus = (typeof suggestionStatuses)[number]

export interface NewSuggestion extends NewThread {
  /** The text proposed in place of the passage from `start` to `end`; empty to delete it. */
  replacement: string
}

/** The quoted words, where they are now: one text node, from `index`, `length` characters. */
interface Passage {
  text: Y.XmlText
  index: number
  length: number
}

export function createSuggestion(doc: Y.Doc, input: NewSuggestion): string {
  if (input.start.text !== input.end.text) throw new RangeError('a suggestion stays within one paragraph')
  if (input.start.offset >= input.end.offset) throw new RangeError('a suggestion needs the words it replaces')
  let id = ''
  doc.transact(() => {
    id = createThread(doc, input)
    threadsOf(doc).get(id)!.set('suggestion', input.replacement)
  })
  return id
}

export function suggestionStatus(doc: Y.Doc, threadId: string): SuggestionStatus {
  const thread = suggestionOf(doc, threadId)
  const decision = thread.get('decision')
  if (decision === 'accepted' || decision === 'rejected') return decision
  return passageOf(doc, thread) ? 'pending' : 'stale'
}

/**
 * Replaces the passage by the suggestion, in the formatting of its first character, records the
 * decision and resolves the thread: one transaction, so nobody ever sees one without the other.
 */
export function acceptSuggestion(doc: Y.Doc, threadId: string, by: string, now = Date.now()): void {
  const thread = suggestionOf(doc, threadId)
  const status = suggestionStatus(doc, threadId)
  const passage = status === 'pending' ? passageOf(doc, thread) : null
  if (!passage) throw new Error(notPending(status))
  const replacement = thread.get('suggestion') as string
  doc.transact(() => {
    const formatting = formattingAt(passage.text, passage.index)
    passage.text.delete(passage.index, passage.length)
    if (replacement !== '') passage.text.insert(passage.index, replacement, formatting)
    decide(thread, 'accepted', by, now)
  })
}

/** Records the rejection and resolves the thread; the content stays as it is. A stale suggestion may be rejected. */
export function rejectSuggestion(doc: Y.Doc, threadId: string, by: string, now = Date.now()): void {
  const thread = suggestionOf(doc, threadId)
  const status = suggestionStatus(doc, threadId)
  if (status === 'accepted' || status === 'rejected') throw new Error(notPending(status))
  doc.transact(() => decide(thread, 'rejected', by, now))
}

function decide(thread: Y.Map<unknown>, decision: SuggestionDecision, by: string, now: number): void {
  thread.set('decision', decision)
  thread.set('decidedBy', by)
  thread.set('decidedAt', now)
  thread.set('state', 'resolved')
  thread.set('resolvedBy', by)
  thread.set('resolvedAt', now)
}

function notPending(status: SuggestionStatus): string {
  if (status === 'stale') return '原文已经改动，这条建议不能再接受，只能拒绝'
  return status === 'accepted' ? '这条建议已经接受过了' : '这条建议已经拒绝过了'
}

function suggestionOf(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const thread = threadsOf(doc).get(threadId)
  if (!thread) throw new RangeError(`no thread ${threadId}`)
  if (typeof thread.get('suggestion') !== 'string') throw new RangeError(`thread ${threadId} is not a suggestion`)
  return thread
}

/**
 * The passage, if it still holds exactly the quoted words in one text node; otherwise the suggestion is
 * stale. A passage found again after a split or a join (`resolveAnchor`) counts as well.
 */
function passageOf(doc: Y.Doc, thread: Y.Map<unknown>): Passage | null {
  const anchor = resolveAnchor(doc, thread)
  if (anchor.deleted || anchor.text !== thread.get('quote')) return null
  if (anchor.relocated) {
    const content = contentOf(doc)
    const start = pointAt(content, anchor.from)
    const end = pointAt(content, anchor.to)
    return start.text === end.text ? { text: start.text, index: start.offset, length: end.offset - start.offset } : null
  }
  const { start, end } = anchorPositions(thread)
  // Text typed where a deleted end was may read like the quote; it is not the quoted words.
  if (!isAlive(doc, start) || !isAlive(doc, end)) return null
  const from = Y.createAbsolutePositionFromRelativePosition(start, doc)
  const to = Y.createAbsolutePositionFromRelativePosition(end, doc)
  if (!from || !to || from.type !== to.type || !(from.type instanceof Y.XmlText)) return null
  return { text: from.type, index: from.index, length: to.index - from.index }
}

/** The formatting attributes (marks) of the character at `index`. */
function formattingAt(text: Y.XmlText, index: number): Record<string, unknown> {
  let base = 0
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const length = typeof op.insert === 'string' ? op.insert.length : 1
    if (index < base + length) return { ...op.attributes }
    base += length
  }
  return {}
}
