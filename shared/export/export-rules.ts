/**
 * Who may export what. A single document or record: whoever may read it (the document access and
 * lesson rules decide that; an export is a way of reading). A whole semester of a group's 定稿 plans or
 * a teacher's reflections: the school's own teachers and the office, who keep and check the archive
 * (资源共享 includes other groups); invited experts read and comment on what they were shown, so they
 * download single documents, not a group's archive.
 */
import type { Actor } from '../access.ts'
import type { Decision } from '../workflow/lesson-rules.ts'

export function decideArchiveExport(actor: Actor, group: { schoolId: string }): Decision {
  if (actor.schoolId !== group.schoolId) return { allowed: false, reason: '这是其他学校的备课组' }
  if (actor.role === 'guest')
    return { allowed: false, reason: '受邀专家可以导出单份教案，整学期的资料只提供给本校老师' }
  return { allowed: true }
}
