/**
 * 师徒结对: who may pair a mentor (师傅) with an apprentice (徒弟), and who may read a pair's counts.
 * Pure rules; the server enforces them, the 师徒结对 page calls them to offer only what will work.
 */
import type { Actor, Role } from '../access.ts'
import type { Decision } from '../workflow/lesson-rules.ts'

/** What the rules need to know about the mentor and the apprentice. */
export interface PairMember {
  userId: string
  role: Role
  schoolId: string
  groupIds: readonly string[]
}

const allowed: Decision = { allowed: true }
const refuse = (reason: string): Decision => ({ allowed: false, reason })

/** The office and guests are not teachers: they have no lessons to be mentored in or to observe. */
export function isTeacherRole(role: Role): boolean {
  return role === 'teacher' || role === 'leader'
}

/**
 * Pairing and unpairing: the office for any two teachers of its school, a leader for two members of a
 * group they lead (a pair across groups is the office's decision). `mentorsOfMentor`, when pairing:
 * the mentor's own mentors, since an apprentice does not become their mentor's mentor.
 */
export function mayPair(
  actor: Actor,
  mentor: PairMember,
  apprentice: PairMember,
  mentorsOfMentor: readonly string[] = [],
): Decision {
  if (mentor.schoolId !== actor.schoolId || apprentice.schoolId !== actor.schoolId) return refuse('只能为本校老师结对')
  if (mentor.userId === apprentice.userId) return refuse('师傅和徒弟不能是同一个人')
  if (mentorsOfMentor.includes(apprentice.userId)) return refuse('他们已经结对，徒弟不能再做师傅的师傅')
  if (!isTeacherRole(mentor.role) || !isTeacherRole(apprentice.role)) return refuse('只有任课老师可以结对')
  if (actor.role === 'admin') return allowed
  if (actor.role !== 'leader') return refuse('只有教导处或备课组长可以安排师徒结对')
  const shared = actor.groupIds.some((id) => mentor.groupIds.includes(id) && apprentice.groupIds.includes(id))
  return shared ? allowed : refuse('备课组长只能为本组老师结对，跨组结对请找教导处')
}

/** A pair's counts and records: the two of them, a leader of the apprentice's group, the office. */
export function mayViewPair(actor: Actor, mentor: PairMember, apprentice: PairMember): Decision {
  if (apprentice.schoolId !== actor.schoolId) return refuse('这是其他学校的师徒结对')
  if (actor.userId === mentor.userId || actor.userId === apprentice.userId || actor.role === 'admin') return allowed
  if (actor.role === 'leader' && actor.groupIds.some((id) => apprentice.groupIds.includes(id))) return allowed
  return refuse('只有师徒本人、徒弟所在备课组的组长和教导处可以查看')
}
