/**
 * Who may start a 同课异构 design of a lesson: any teacher of its group, at any stage before the lesson
 * is archived. Designs are the teachers' own documents; the shared plan's rules do not apply to them.
 */
import type { Actor } from '../access.ts'
import { type Decision, type LessonContext, relationTo } from '../workflow/lesson-rules.ts'

export function decideVariant(actor: Actor, lesson: LessonContext): Decision {
  const relation = relationTo(actor, lesson)
  if (!relation.sameSchool) return { allowed: false, reason: '这是其他学校的课' }
  if (!relation.member) return { allowed: false, reason: '只有本备课组的老师可以做同课异构' }
  if (lesson.stage === 'archived') return { allowed: false, reason: '已归档，不能再新建同课异构设计' }
  return { allowed: true }
}
