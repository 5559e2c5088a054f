/**
 * Comment threads in a document's Yjs state: the layout every client and the server agree on.
 *
 * Threads live in the root `Y.Map` named `threads`, apart from the `content` fragment, so they sync and
 * work offline like the text while the content stays untouched by commenters. Layout:
 *
 *   threads: Y.Map<threadId → Y.Map>
 *     id, kind, authorId, createdAt (ms)             set once, never changed
 *     anchorStart, anchorEnd (Uint8Array), quote     set once: encoded Yjs relative positions in `content`
 *     body: Y.Text                                    short rich text: the marks of `rich-body.ts` as
 *                                                     formatting attributes, `\n` for a line break
 *     mentions: string[]                              user ids, replaced as a whole
 *     state: 'open' | 'resolved', resolvedBy: string | null, resolvedAt: number | null
 *     replies: Y.Array<Y.Map>                         each: id, authorId, createdAt (set once), body: Y.Text,
 *                                                     mentions?: string[] (user ids, replaced as a whole)
 *     suggestion: string                              set once, only on a suggestion (建议修改): the text
 *                                                     proposed in place of the quoted passage
 *     decision: 'accepted' | 'rejected', decidedBy, decidedAt (ms)   absent until a moderator decides;
 *                                                     then written once, never changed
 *
 * The server checks every change against this layout and the rules in `thread-rules.ts`
 * (see docs/THREADS.md); a field not listed here is refused, so a new field starts here.
 */
import type * as Y from 'yjs'
import { type BodyRun, readBody } from './rich-body.ts'

export const threadsRootName = 'threads'

export const threadKinds = ['question', 'proposal', 'adaptation', 'reflection', 'mentorNote', 'lessonReview'] as const
export type ThreadKind = (typeof threadKinds)[number]

export const threadKindLabels: Record<ThreadKind, string> = {
  question: '质疑',
  proposal: '建议',
  adaptation: '二次备课',
  reflection: '课后反思',
  mentorNote: '师徒批注',
  lessonReview: '评课',
}

export type ThreadState = 'open' | 'resolved'

/** Fields of a thread, by who may change them once it exists. */
export const threadFields = {
  fixed: ['id', 'kind', 'authorId', 'createdAt', 'anchorStart', 'anchorEnd', 'quote', 'suggestion'],
  byAuthor: ['body', 'mentions'],
  resolution: ['state', 'resolvedBy', 'resolvedAt'],
  replies: ['replies'],
  decision: ['decision', 'decidedBy', 'decidedAt'],
} as const satisfies Record<string, readonly string[]>

export const replyFields = {
  fixed: ['id', 'authorId', 'createdAt'],
  byAuthor: ['body', 'mentions'],
} as const satisfies Record<string, readonly string[]>

export interface ReplyView {
  id: string
  authorId: string
  createdAt: number
  /** The plain words, for counts, search, notifications and exports. */
  body: string
  /** The same words with their marks, for showing them. */
  bodyDelta: BodyRun[]
  /** Users the reply @mentions; none on a reply written before replies could mention. */
  mentions: string[]
}

export const suggestionDecisions = ['accepted', 'rejected'] as const
export type SuggestionDecision = (typeof suggestionDecisions)[number]

/** A suggestion's proposal and, once a moderator decided, the record of it. */
export interface SuggestionView {
  /** Replaces the quoted passage; empty for a deletion. */
  replacement: string
  decision: SuggestionDecision | null
  decidedBy: string | null
  decidedAt: number | null
}

export interface ThreadView {
  id: string
  kind: ThreadKind
  authorId: string
  createdAt: number
  /** The plain words, for counts, search, notifications and exports. */
  body: string
  /** The same words with their marks, for showing them. */
  bodyDelta: BodyRun[]
  quote: string
  mentions: string[]
  state: ThreadState
  resolvedBy: string | null
  resolvedAt: number | null
  replies: ReplyView[]
  /** Set on a suggestion (建议修改) only. */
  suggestion: SuggestionView | null
}

export function threadsOf(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(threadsRootName)
}

export function readThread(thread: Y.Map<unknown>): ThreadView {
  const replies = thread.get('replies') as Y.Array<Y.Map<unknown>> | undefined
  return {
    id: thread.get('id') as string,
    kind: thread.get('kind') as ThreadKind,
    authorId: thread.get('authorId') as string,
    createdAt: thread.get('createdAt') as number,
    body: (thread.get('body') as Y.Text | undefined)?.toString() ?? '',
    bodyDelta: readBody(thread.get('body') as Y.Text | undefined),
    quote: (thread.get('quote') as string | undefined) ?? '',
    mentions: [...((thread.get('mentions') as string[] | undefined) ?? [])],
    state: thread.get('state') === 'resolved' ? 'resolved' : 'open',
    resolvedBy: (thread.get('resolvedBy') as string | null | undefined) ?? null,
    resolvedAt: (thread.get('resolvedAt') as number | null | undefined) ?? null,
    replies: (replies?.toArray() ?? []).map(readReply),
    suggestion: readSuggestion(thread),
  }
}

function readSuggestion(thread: Y.Map<unknown>): SuggestionView | null {
  const replacement = thread.get('suggestion')
  if (typeof replacement !== 'string') return null
  const decision = thread.get('decision')
  return {
    replacement,
    decision: decision === 'accepted' || decision === 'rejected' ? decision : null,
    decidedBy: (thread.get('decidedBy') as string | undefined) ?? null,
    decidedAt: (thread.get('decidedAt') as number | undefined) ?? null,
  }
}

function readReply(reply: Y.Map<unknown>): ReplyView {
  return {
    id: reply.get('id') as string,
    authorId: reply.get('authorId') as string,
    createdAt: reply.get('createdAt') as number,
    body: (reply.get('body') as Y.Text | undefined)?.toString() ?? '',
    bodyDelta: readBody(reply.get('body') as Y.Text | undefined),
    mentions: [...((reply.get('mentions') as string[] | undefined) ?? [])],
  }
}
