/**
 * What an accepted transaction did to threads, as the review found it (`thread-review.ts`): the
 * activity notifications are made from (`shared/threads/thread-activity.ts`).
 */
import type * as Y from 'yjs'
import type { SharedType } from '../../shared/sync/shared-type.ts'
import type { ThreadActivity } from '../../shared/threads/thread-activity.ts'
import type { SuggestionDecision, ThreadKind } from '../../shared/threads/thread-model.ts'
import { authorOf, rawGet } from './thread-items.ts'

/** What the transaction changed in threads, as far as anyone is told of it. */
export interface Changes {
  createdThreads: Set<Y.Item>
  createdReplies: Set<Y.Item>
  mentionsChanged: Set<Y.Item>
  /** Replies that were there before and whose mentions changed. */
  replyMentionsChanged: Set<Y.Item>
  resolutionChanged: Set<Y.Item>
  decided: Set<Y.Item>
}

/**
 * `existedBefore(item)`: the item was there, not deleted, before the transaction. Threads or replies
 * the same transaction deleted again are not reported; a decided suggestion's resolution is part of
 * its decision, not reported apart.
 */
export function activityOf(changes: Changes, existedBefore: (item: Y.Item) => boolean): ThreadActivity[] {
  const activity: ThreadActivity[] = []
  const before = (thread: Y.Item, key: string): unknown => valueBefore(thread, key, existedBefore)
  for (const thread of changes.createdThreads) {
    if (thread.deleted) continue
    activity.push({
      type: 'threadCreated',
      threadId: threadIdOf(thread),
      kind: rawGet(thread, 'kind') as ThreadKind,
      suggestion: typeof rawGet(thread, 'suggestion') === 'string',
      quote: stringOf(rawGet(thread, 'quote')),
      mentions: userIds(rawGet(thread, 'mentions')),
    })
  }
  for (const reply of changes.createdReplies) {
    const thread = threadOfReply(reply)
    if (reply.deleted || thread.deleted) continue
    activity.push({
      type: 'replyAdded',
      threadId: threadIdOf(thread),
      replyId: stringOf(rawGet(reply, 'id')),
      threadAuthorId: authorOf(thread),
      body: stringOf(rawGet(reply, 'body')?.toString()),
      mentions: [...new Set(userIds(rawGet(reply, 'mentions')))],
    })
  }
  const newlyNamed = (holder: Y.Item, thread: Y.Item) => {
    if (holder.deleted || thread.deleted) return
    const earlier = new Set(userIds(before(holder, 'mentions')))
    const named = [...new Set(userIds(rawGet(holder, 'mentions')))].filter((userId) => !earlier.has(userId))
    if (named.length > 0) activity.push({ type: 'mentioned', threadId: threadIdOf(thread), userIds: named })
  }
  for (const thread of changes.mentionsChanged) newlyNamed(thread, thread)
  for (const reply of changes.replyMentionsChanged) newlyNamed(reply, threadOfReply(reply))
  for (const thread of changes.resolutionChanged) {
    const state = rawGet(thread, 'state')
    if (thread.deleted || changes.decided.has(thread) || state === (before(thread, 'state') ?? 'open')) continue
    const type = state === 'resolved' ? 'resolved' : 'reopened'
    activity.push({ type, threadId: threadIdOf(thread), threadAuthorId: authorOf(thread) })
  }
  for (const thread of changes.decided) {
    activity.push({
      type: 'suggestionDecided',
      threadId: threadIdOf(thread),
      decision: rawGet(thread, 'decision') as SuggestionDecision,
      suggestionAuthorId: authorOf(thread),
    })
  }
  return activity
}

/** A map entry's value before the transaction: the latest entry that existed then, if any. */
function valueBefore(holder: Y.Item, key: string, existedBefore: (item: Y.Item) => boolean): unknown {
  const map = (holder.content as Y.ContentType).type
  for (let entry = map._map.get(key) ?? null; entry !== null; entry = entry.left) {
    if (!existedBefore(entry)) continue
    const values = entry.content.getContent()
    return values[values.length - 1]
  }
  return undefined
}

function threadIdOf(thread: Y.Item): string {
  return thread.parentSub ?? ''
}

function threadOfReply(reply: Y.Item): Y.Item {
  const repliesField = (reply.parent as SharedType)._item!
  return (repliesField.parent as SharedType)._item!
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : ''
}

function userIds(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : []
}
