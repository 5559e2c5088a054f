/**
 * 听课记录: a teacher records a lesson they observed, in their own name. Pure rules; the server checks
 * them, the form calls them.
 */
import type { Actor } from '../access.ts'
import type { Decision } from '../workflow/lesson-rules.ts'
import { isTeacherRole, type PairMember } from './pairing-rules.ts'

const allowed: Decision = { allowed: true }
const refuse = (reason: string): Decision => ({ allowed: false, reason })

export function mayRecordObservation(actor: Actor, observed: PairMember): Decision {
  if (!isTeacherRole(actor.role)) return refuse('只有任课老师可以记录听课')
  if (observed.schoolId !== actor.schoolId) return refuse('只能记录本校老师的课')
  if (observed.userId === actor.userId) return refuse('听课记录是听别人的课，不能记录自己')
  if (!isTeacherRole(observed.role)) return refuse('只能记录任课老师的课')
  return allowed
}
