/**
 * The access level a user gets on a document, from the rules of its lesson. The server grants exactly
 * this on `/collab/<documentId>` (and re-evaluates open connections when a lesson moves); the UI shows it.
 */
import type { AccessLevel, Actor } from '../access.ts'
import { decide, type LessonContext } from './lesson-rules.ts'

export const documentKinds = ['lesson-plan', 'adaptation', 'reflection', 'variant'] as const
export type DocumentKind = (typeof documentKinds)[number]

export const documentKindLabels: Record<DocumentKind, string> = {
  'lesson-plan': '导学案',
  adaptation: '二次备课',
  reflection: '课后反思',
  variant: '同课异构',
}

export interface DocumentContext {
  kind: DocumentKind
  schoolId: string
  groupId: string
  /** Whose document it is: the teacher of an adaptation, reflection or variant; the creator of a plan. */
  ownerId: string
  /** Mentors of the owner: they annotate an apprentice's own documents. */
  ownerMentorIds: readonly string[]
  /** The lesson the document belongs to; a plan without one is a free document of its group. */
  lesson: LessonContext | null
}

export function documentAccess(actor: Actor, document: DocumentContext): AccessLevel | null {
  if (actor.schoolId !== document.schoolId) return null
  // [SCHOOL-7] An outside expert sees only the groups the office invited them to.
  if (actor.role === 'guest' && !actor.groupIds.includes(document.groupId)) return null
  const { lesson } = document
  if (document.kind === 'lesson-plan') {
    if (!lesson) {
      if (actor.role !== 'guest' && actor.groupIds.includes(document.groupId)) return 'edit'
      // A mentor from another group still annotates the apprentice's own drafts.
      return document.ownerMentorIds.includes(actor.userId) ? 'comment' : 'read'
    }
    if (decide('edit', actor, lesson).allowed) return 'edit'
    return decide('comment', actor, lesson).allowed ? 'comment' : 'read'
  }
  // A teacher's own document stays theirs while the shared plan moves on: reopening it for 研讨 must
  // not freeze anyone's 二次备课 (an adaptation exists only once there is a version to start from).
  const archived = lesson?.stage === 'archived'
  if (actor.userId === document.ownerId) return archived ? 'read' : 'edit'
  if (archived) return 'read'
  // The mentor annotates an apprentice's work; the leader reviews members' 二次备课 and 反思 and may
  // resolve any thread on them (docs/THREADS.md), which takes more than read access.
  if (document.ownerMentorIds.includes(actor.userId)) return 'comment'
  const groupLeader = actor.role === 'leader' && actor.groupIds.includes(document.groupId)
  return groupLeader ? 'comment' : 'read'
}
