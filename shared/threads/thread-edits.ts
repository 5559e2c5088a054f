/**
 * Changes to threads, made on a local Y.Doc: the editor calls these, and the changes then travel like
 * any other edit. Each is one transaction, so the server sees a thread or reply arrive whole. Who may
 * do which is decided by `thread-rules.ts`; the server refuses the change if the rules do not allow it.
 */
import * as Y from 'yjs'
import { type BodyInput, bodyRuns, writeBody } from './rich-body.ts'
import { encodeAnchor, resolveAnchor, type TextPoint } from './thread-anchor.ts'
import { type ThreadKind, threadsOf } from './thread-model.ts'

export interface NewThread {
  id?: string
  kind: ThreadKind
  authorId: string
  body: BodyInput
  start: TextPoint
  end: TextPoint
  mentions?: readonly string[]
  now?: number
}

export interface NewReply {
  id?: string
  authorId: string
  body: BodyInput
  mentions?: readonly string[]
  now?: number
}

export function createThread(doc: Y.Doc, input: NewThread): string {
  const id = input.id ?? crypto.randomUUID()
  doc.transact(() => {
    const thread = new Y.Map<unknown>()
    threadsOf(doc).set(id, thread)
    thread.set('id', id)
    thread.set('kind', input.kind)
    thread.set('authorId', input.authorId)
    thread.set('createdAt', input.now ?? Date.now())
    const anchor = encodeAnchor(input.start, input.end)
    thread.set('anchorStart', anchor.anchorStart)
    thread.set('anchorEnd', anchor.anchorEnd)
    const resolved = resolveAnchor(doc, thread)
    thread.set('quote', resolved.deleted ? '' : resolved.text)
    thread.set('body', newBody(input.body))
    thread.set('mentions', [...(input.mentions ?? [])])
    thread.set('state', 'open')
    thread.set('resolvedBy', null)
    thread.set('resolvedAt', null)
    thread.set('replies', new Y.Array<Y.Map<unknown>>())
  })
  return id
}

export function addReply(doc: Y.Doc, threadId: string, input: NewReply): string {
  const id = input.id ?? crypto.randomUUID()
  doc.transact(() => {
    const reply = new Y.Map<unknown>()
    repliesOf(threadOf(doc, threadId)).push([reply])
    reply.set('id', id)
    reply.set('authorId', input.authorId)
    reply.set('createdAt', input.now ?? Date.now())
    reply.set('body', newBody(input.body))
    if (input.mentions && input.mentions.length > 0) reply.set('mentions', [...input.mentions])
  })
  return id
}

/** Resolves (`resolved`) or reopens a thread, in the name of `by`. */
export function setResolved(doc: Y.Doc, threadId: string, resolved: boolean, by: string, now = Date.now()): void {
  const thread = threadOf(doc, threadId)
  doc.transact(() => {
    thread.set('state', resolved ? 'resolved' : 'open')
    thread.set('resolvedBy', resolved ? by : null)
    thread.set('resolvedAt', resolved ? now : null)
  })
}

export function editThreadBody(doc: Y.Doc, threadId: string, body: BodyInput): void {
  replaceBody(doc, threadOf(doc, threadId).get('body') as Y.Text, body)
}

export function setMentions(doc: Y.Doc, threadId: string, mentions: readonly string[]): void {
  threadOf(doc, threadId).set('mentions', [...mentions])
}

export function deleteThread(doc: Y.Doc, threadId: string): void {
  threadsOf(doc).delete(threadId)
}

export function editReplyBody(doc: Y.Doc, threadId: string, replyId: string, body: BodyInput): void {
  const replies = repliesOf(threadOf(doc, threadId))
  replaceBody(doc, replies.get(replyIndex(replies, replyId)).get('body') as Y.Text, body)
}

export function setReplyMentions(doc: Y.Doc, threadId: string, replyId: string, mentions: readonly string[]): void {
  const replies = repliesOf(threadOf(doc, threadId))
  replies.get(replyIndex(replies, replyId)).set('mentions', [...mentions])
}

export function deleteReply(doc: Y.Doc, threadId: string, replyId: string): void {
  const replies = repliesOf(threadOf(doc, threadId))
  replies.delete(replyIndex(replies, replyId), 1)
}

function threadOf(doc: Y.Doc, threadId: string): Y.Map<unknown> {
  const thread = threadsOf(doc).get(threadId)
  if (!thread) throw new RangeError(`no thread ${threadId}`)
  return thread
}

function repliesOf(thread: Y.Map<unknown>): Y.Array<Y.Map<unknown>> {
  return thread.get('replies') as Y.Array<Y.Map<unknown>>
}

function replyIndex(replies: Y.Array<Y.Map<unknown>>, replyId: string): number {
  const index = replies.toArray().findIndex((reply) => reply.get('id') === replyId)
  if (index < 0) throw new RangeError(`no reply ${replyId}`)
  return index
}

function replaceBody(doc: Y.Doc, text: Y.Text, body: BodyInput): void {
  doc.transact(() => writeBody(text, body))
}

/** A body written before it joins the document: a prelim Y.Text keeps the formatting of its delta. */
function newBody(body: BodyInput): Y.Text {
  const text = new Y.Text()
  text.applyDelta(bodyRuns(body))
  return text
}
