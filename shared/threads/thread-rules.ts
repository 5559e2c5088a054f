/**
 * Who may do what with threads. The editor calls these to show only what will work; the server
 * calls the same functions on every incoming change to threads (server/collab/thread-guard.ts).
 */
import type { AccessLevel, Actor } from '../access.ts'
import type { DocumentContext } from '../workflow/document-access.ts'
import type { Decision } from '../workflow/lesson-rules.ts'
import type { SuggestionDecision } from './thread-model.ts'

export interface ThreadActor {
  userId: string
  /** The access the server granted on this document. */
  access: AccessLevel
  /** The document's owner (主备人 of a plan, the teacher of an adaptation) or the group's leader. */
  moderator: boolean
}

const allowed: Decision = { allowed: true }
const refuse = (reason: string): Decision => ({ allowed: false, reason })

/** Owner: the 主备人 of a lesson's plan, otherwise whoever the document belongs to. */
export function isThreadModerator(actor: Actor, document: DocumentContext): boolean {
  const owner = document.kind === 'lesson-plan' && document.lesson ? document.lesson.leadPreparerId : document.ownerId
  if (actor.userId === owner) return true
  return actor.role === 'leader' && actor.schoolId === document.schoolId && actor.groupIds.includes(document.groupId)
}

export function mayCreateThread(actor: ThreadActor): Decision {
  return actor.access === 'read' ? refuse('只读：不能添加批注') : allowed
}

export function mayReply(actor: ThreadActor): Decision {
  return actor.access === 'read' ? refuse('只读：不能回复') : allowed
}

/** Editing or deleting a thread or a reply: only its author. */
export function mayChangeOwn(actor: ThreadActor, authorId: string): Decision {
  if (actor.access === 'read') return refuse('只读：不能修改批注')
  return actor.userId === authorId ? allowed : refuse('只能修改或删除自己写的批注和回复')
}

/** Resolving and reopening: the thread's author, the document's owner or the group leader. */
export function mayResolve(actor: ThreadActor, threadAuthorId: string): Decision {
  if (actor.access === 'read') return refuse('只读：不能处理批注')
  if (actor.userId === threadAuthorId || actor.moderator) return allowed
  return refuse('只有批注的作者、文档的主人和备课组长可以标为已解决或重新打开')
}

/**
 * Accepting or rejecting a suggestion (建议修改): a moderator only. Accepting changes the content, so
 * it also needs `edit` access; a moderator who may only comment can still reject. Without `decision`
 * this answers for accepting, the stricter of the two.
 */
export function mayDecideSuggestion(actor: ThreadActor, decision: SuggestionDecision = 'accepted'): Decision {
  if (actor.access === 'read') return refuse('只读：不能处理建议')
  if (!actor.moderator) return refuse('只有文档的主人和备课组长可以接受或拒绝建议')
  if (decision === 'accepted' && actor.access !== 'edit') return refuse('没有编辑权限，不能接受建议（可以拒绝）')
  return allowed
}
