/**
 * Judges one applied Yjs transaction: which items it inserted and deleted, where each lives (the
 * `threads` root or anything else, which thread, which field, which reply), and whether the rules of
 * `shared/threads/thread-rules.ts` let `actor` make those changes. Reads the scratch document right
 * after the update was applied to it, before anything is merged or collected. What an accepted
 * transaction did to threads comes back with the verdict, for notifications.
 *
 * Every value an inserted item brings into `threads` is checked against `shared/threads/thread-schema.ts`
 * first: a thread holds nothing the panel, the notifications or an export could not read. Each touched
 * item costs a few steps whatever the update holds: roots are remembered per type (`TypeRoots`) and a
 * thread's structure is never more than five items deep.
 */
import * as Y from 'yjs'
import { limits } from '../../shared/limits.ts'
import type { SharedType } from '../../shared/sync/shared-type.ts'
import type { ThreadActivity } from '../../shared/threads/thread-activity.ts'
import {
  replyFields,
  suggestionDecisions,
  threadFields,
  threadKinds,
  threadsRootName,
} from '../../shared/threads/thread-model.ts'
import {
  mayChangeOwn,
  mayCreateThread,
  mayDecideSuggestion,
  mayReply,
  mayResolve,
  type ThreadActor,
} from '../../shared/threads/thread-rules.ts'
import {
  bodyFits,
  type FieldShape,
  isBodyMark,
  isThreadId,
  replyFieldShape,
  requiredReplyFields,
  requiredThreadFields,
  threadFieldShape,
} from '../../shared/threads/thread-schema.ts'
import type { Decision } from '../../shared/workflow/lesson-rules.ts'
import { activityOf } from './review-activity.ts'
import { quotedBefore } from './suggestion-passage.ts'
import { authorOf, rawGet, TypeRoots } from './thread-items.ts'

type Verdict = Decision
type Refusal = Extract<Decision, { allowed: false }>

/** The verdict on a whole transaction; an accepted one says what it did to threads. */
export type ThreadReview = { allowed: true; activity: ThreadActivity[] } | Refusal

/** The room replaces it with why the connection cannot write the text, when it knows (a plan just finalized). */
export const contentRefusalReason = '批注权限不能修改正文'

const accepted: Verdict = { allowed: true }
const refused = (reason: string): Refusal => ({ allowed: false, reason })

/** Items below a thread's entry in `threads`: field, reply, reply field, a body's characters. */
const threadStructureDepth = 5

/** How an item stands to the transaction under review. */
interface ItemAge {
  /** Inserted by the transaction. */
  isNew: (item: Y.Item) => boolean
  /** There, not deleted, before the transaction. */
  existedBefore: (item: Y.Item) => boolean
}

export function reviewTransaction(doc: Y.Doc, transaction: Y.Transaction, actor: ThreadActor): ThreadReview {
  const rootNames = new Map<SharedType, string>()
  for (const [name, type] of doc.share) rootNames.set(type, name)
  const isNew = (item: Y.Item): boolean => item.id.clock >= (transaction.beforeState.get(item.id.client) ?? 0)
  const deletedNow = (item: Y.Item): boolean => !isNew(item) && Y.isDeleted(transaction.deleteSet, item.id)
  const existedBefore = (item: Y.Item): boolean => !isNew(item) && (!item.deleted || deletedNow(item))

  const roots = new TypeRoots()
  const createdThreads = new Set<Y.Item>()
  const deletedThreads = new Set<Y.Item>()
  const createdReplies = new Set<Y.Item>()
  const resolutionChanged = new Set<Y.Item>()
  const decided = new Set<Y.Item>()
  const mentionsChanged = new Set<Y.Item>()
  const replyMentionsChanged = new Set<Y.Item>()
  const bodies = new Set<Y.Text>()
  for (const item of touchedItems(doc, transaction)) {
    const place = roots.of(item.parent as SharedType)
    if (place === null) return refused(`内容嵌套太深（超过 ${limits.maxContentDepth} 层）`)
    if (rootNames.get(place.root) !== threadsRootName) {
      if (actor.access === 'edit') continue
      return refused(contentRefusalReason)
    }
    if (place.depth >= threadStructureDepth) return refused('批注的格式不对')
    const chain = ancestry(item, place.depth)
    if (isNew(item)) {
      const refusal = shapeRefusal(chain, bodies)
      if (refusal) return refusal
    }
    const [thread, field, reply, replyField] = chain as [Y.Item, Y.Item?, Y.Item?, Y.Item?]
    if (thread.parentSub === null || !(thread.content instanceof Y.ContentType)) return refused('批注的格式不对')
    if (isNew(thread)) {
      createdThreads.add(thread)
      continue
    }
    // Deleting a thread or a reply deletes everything in it: the deletion itself is what is judged.
    if (chain.slice(0, -1).some(deletedNow)) continue
    if (!field) {
      deletedThreads.add(thread)
      continue
    }
    const fieldName = field.parentSub ?? ''
    const threadAuthor = authorOf(thread)
    if (includes(threadFields.byAuthor, fieldName)) {
      const decision = mayChangeOwn(actor, threadAuthor)
      if (!decision.allowed) return decision
      if (fieldName === 'mentions') mentionsChanged.add(thread)
    } else if (includes(threadFields.resolution, fieldName)) {
      resolutionChanged.add(thread)
    } else if (includes(threadFields.decision, fieldName)) {
      decided.add(thread)
    } else if (includes(threadFields.replies, fieldName)) {
      if (!reply) return refused('不能替换整个回复列表')
      if (isNew(reply)) {
        createdReplies.add(reply)
        continue
      }
      const replyFieldName = replyField?.parentSub
      if (replyFieldName !== undefined && !includes(replyFields.byAuthor, replyFieldName ?? '')) {
        return refused('回复的作者和时间不能修改')
      }
      const decision = mayChangeOwn(actor, authorOf(reply))
      if (!decision.allowed) return decision
      if (replyFieldName === 'mentions') replyMentionsChanged.add(reply)
    } else if (includes(threadFields.fixed, fieldName)) {
      return refused('批注的作者、时间和位置不能修改')
    } else {
      return refused(`批注里没有「${fieldName}」这一项`)
    }
  }

  for (const body of bodies) {
    if (!bodyFits(body.length)) return refused(`批注或回复太长（超过 ${limits.maxThreadBodyChars} 字）`)
  }
  for (const thread of createdThreads) {
    const decision = reviewNewThread(thread, actor)
    if (!decision.allowed) return decision
    // Made and decided offline, then sent at once: judged as a decision too.
    if (threadFields.decision.some((key) => rawGet(thread, key) !== undefined)) decided.add(thread)
  }
  for (const reply of createdReplies) {
    const decision = reviewNewReply(reply, actor)
    if (!decision.allowed) return decision
  }
  for (const thread of deletedThreads) {
    const decision = mayChangeOwn(actor, authorOf(thread))
    if (!decision.allowed) return decision
  }
  for (const thread of resolutionChanged) {
    const decision = mayResolve(actor, authorOf(thread))
    if (!decision.allowed) return decision
    const map = (thread.content as Y.ContentType).type as Y.Map<unknown>
    const state = map.get('state')
    const resolvedBy = map.get('resolvedBy')
    const consistent = state === 'resolved' ? resolvedBy === actor.userId : state === 'open' && resolvedBy === null
    if (!consistent) return refused('只能以自己的名义标为已解决')
  }
  for (const thread of decided) {
    const decision = reviewDecision(doc, thread, actor, { isNew, existedBefore })
    if (!decision.allowed) return decision
  }
  const changes = { createdThreads, createdReplies, mentionsChanged, replyMentionsChanged, resolutionChanged, decided }
  return { allowed: true, activity: activityOf(changes, existedBefore) }
}

/**
 * A suggestion's decision: written once, whole, by a moderator in their own name; accepted only while
 * its passage still held the quoted words.
 */
function reviewDecision(doc: Y.Doc, thread: Y.Item, actor: ThreadActor, age: ItemAge): Verdict {
  if (typeof rawGet(thread, 'suggestion') !== 'string') return refused('只有建议修改可以接受或拒绝')
  const map = (thread.content as Y.ContentType).type as Y.Map<unknown>
  for (const key of threadFields.decision) {
    for (let entry = map._map.get(key) ?? null; entry !== null; entry = entry.left) {
      if (!age.isNew(entry)) return refused('这条建议已经处理过了，不能再改')
    }
  }
  const decision = rawGet(thread, 'decision')
  if (!includes(suggestionDecisions, decision) || typeof rawGet(thread, 'decidedAt') !== 'number') {
    return refused('建议的处理结果不完整')
  }
  if (rawGet(thread, 'decidedBy') !== actor.userId) return refused('只能以自己的名义处理建议')
  const permission = mayDecideSuggestion(actor, decision as (typeof suggestionDecisions)[number])
  if (!permission.allowed || decision === 'rejected') return permission
  return quotedBefore(map, doc, age.existedBefore) ? accepted : refused('原文已经改动，这条建议不能再接受，只能拒绝')
}

function reviewNewThread(thread: Y.Item, actor: ThreadActor): Verdict {
  const decision = mayCreateThread(actor)
  if (!decision.allowed) return decision
  if (
    requiredThreadFields.some((field) => rawGet(thread, field) === undefined) ||
    rawGet(thread, 'id') !== thread.parentSub
  ) {
    return refused('新批注缺少内容')
  }
  if (rawGet(thread, 'authorId') !== actor.userId) return refused('不能以别人的名义写批注')
  if (!includes(threadKinds, rawGet(thread, 'kind'))) return refused('不认识这种批注')
  const suggestion = rawGet(thread, 'suggestion')
  if (suggestion !== undefined && typeof suggestion !== 'string') return refused('建议修改的内容不对')
  const state = rawGet(thread, 'state')
  const decidedAtOnce = rawGet(thread, 'decision') !== undefined && rawGet(thread, 'resolvedBy') === actor.userId
  if (state !== 'open' && !(decidedAtOnce && state === 'resolved')) return refused('新批注应当是未解决的')
  const replies = rawGet(thread, 'replies')
  if (replies instanceof Y.Array) {
    for (let item = replies._start; item !== null; item = item.right) {
      const decision = reviewNewReply(item, actor)
      if (!decision.allowed) return decision
    }
  }
  return accepted
}

function reviewNewReply(reply: Y.Item, actor: ThreadActor): Verdict {
  const decision = mayReply(actor)
  if (!decision.allowed) return decision
  if (!(reply.content instanceof Y.ContentType)) return refused('回复的格式不对')
  if (requiredReplyFields.some((field) => rawGet(reply, field) === undefined)) return refused('新回复缺少内容')
  return rawGet(reply, 'authorId') === actor.userId ? accepted : refused('不能以别人的名义回复')
}

function* touchedItems(doc: Y.Doc, transaction: Y.Transaction): Generator<Y.Item> {
  const deleted: Y.Item[] = []
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (struct instanceof Y.Item) deleted.push(struct)
  })
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) continue
    const structs = doc.store.clients.get(client) ?? []
    for (let index = Y.findIndexSS(structs, before); index < structs.length; index++) {
      const struct = structs[index]!
      if (struct.id.clock >= after) break
      if (struct instanceof Y.Item) yield struct
    }
  }
  yield* deleted
}

/** The item and its ancestors up to its thread's entry, top first; `depth` items lie above the item. */
function ancestry(item: Y.Item, depth: number): Y.Item[] {
  const chain = new Array<Y.Item>(depth + 1)
  chain[depth] = item
  for (let level = depth - 1; level >= 0; level--) {
    chain[level] = (chain[level + 1]!.parent as SharedType)._item!
  }
  return chain
}

/**
 * Whether an inserted item holds what its place in a thread allows (`thread-schema.ts`). A body it
 * writes into is noted, to check the body's length once the whole transaction is in.
 */
function shapeRefusal(chain: readonly Y.Item[], bodies: Set<Y.Text>): Refusal | null {
  const item = chain[chain.length - 1]!
  if (item.content instanceof Y.ContentDeleted) return null
  switch (chain.length) {
    case 1:
      return isThreadId(item.parentSub) && holdsType(item, Y.Map) ? null : refused('批注的格式不对')
    case 2:
    case 4: {
      const name = item.parentSub ?? ''
      const shape = chain.length === 2 ? threadFieldShape(name) : replyFieldShape(name)
      if (shape === null) return refused(chain.length === 2 ? `批注里没有「${name}」这一项` : '回复的格式不对')
      return fitsShape(item, shape) ? null : refused(`批注里「${name}」的内容不对`)
    }
    default: {
      const holder = chain[chain.length - 2]!
      const shape =
        chain.length === 3 ? threadFieldShape(holder.parentSub ?? '') : replyFieldShape(holder.parentSub ?? '')
      if (item.parentSub !== null) return refused('批注的格式不对')
      if (shape?.kind === 'replies' && chain.length === 3)
        return holdsType(item, Y.Map) ? null : refused('回复的格式不对')
      if (shape?.kind !== 'body') return refused('批注的格式不对')
      bodies.add((holder.content as Y.ContentType).type as Y.Text)
      const { content } = item
      if (content instanceof Y.ContentString) return null
      if (content instanceof Y.ContentFormat && isBodyMark(content.key, content.value)) return null
      return refused('批注正文只能有文字和加粗、斜体、下划线')
    }
  }
}

function fitsShape(item: Y.Item, shape: FieldShape): boolean {
  const { content } = item
  switch (shape.kind) {
    case 'body':
      return holdsType(item, Y.Text)
    case 'replies':
      return holdsType(item, Y.Array)
    case 'value':
      if (content instanceof Y.ContentBinary) return shape.valid(content.content)
      return content instanceof Y.ContentAny && content.arr.length === 1 && shape.valid(content.arr[0])
    default:
      return shape satisfies never
  }
}

function holdsType(item: Y.Item, type: typeof Y.Map | typeof Y.Text | typeof Y.Array): boolean {
  return item.content instanceof Y.ContentType && item.content.type.constructor === type
}

function includes(list: readonly string[], value: unknown): boolean {
  return typeof value === 'string' && list.includes(value)
}
