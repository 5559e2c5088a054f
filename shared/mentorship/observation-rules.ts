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

/** What the rules read of a lesson of the 备课计划. */
export interface PlannedLesson {
  schoolId: string
  groupId: string
  leadPreparerId: string
}

/**
 * A 听课记录 may name a lesson the observed teacher teaches: every lesson of their group's 备课计划 (each
 * teacher of the group teaches it in their own class, after 二次备课), and one they prepare as 主备人
 * even after leaving the group.
 */
export function mayObserveLesson(observed: PairMember, lesson: PlannedLesson): Decision {
  if (lesson.schoolId !== observed.schoolId) return refuse('只能选本校备课计划里的课')
  if (lesson.leadPreparerId === observed.userId || observed.groupIds.includes(lesson.groupId)) return allowed
  return refuse('这节课不在授课老师备课组的备课计划里')
}
