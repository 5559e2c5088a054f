/**
 * The kind a new thread starts as in the composer (the author may pick another): what a remark by this
 * user on this document usually is. `GET /api/documents` sends it as `threadKind`.
 */
import type { Actor } from '../access.ts'
import type { DocumentContext } from '../workflow/document-access.ts'
import type { ThreadKind } from './thread-model.ts'

export function defaultThreadKind(actor: Actor, document: DocumentContext): ThreadKind {
  if (isMentorOfOwner(actor, document)) return 'mentorNote'
  switch (document.kind) {
    case 'adaptation':
      return 'adaptation'
    case 'reflection':
      return 'reflection'
    case 'variant':
      return 'proposal'
    case 'lesson-plan':
      switch (document.lesson?.stage) {
        case 'review':
          return 'question'
        // Once the plan has been taught, remarks on it are 评课.
        case 'reflecting':
        case 'archived':
          return 'lessonReview'
        default:
          return 'proposal'
      }
    default:
      return document.kind satisfies never
  }
}

/** A mentor of whoever the document belongs to: the 主备人 of a lesson's plan, otherwise its owner. */
export function isMentorOfOwner(actor: Actor, document: DocumentContext): boolean {
  if (actor.schoolId !== document.schoolId) return false
  const mentorIds =
    document.kind === 'lesson-plan' && document.lesson ? document.lesson.leadPreparerMentorIds : document.ownerMentorIds
  return mentorIds.includes(actor.userId)
}
