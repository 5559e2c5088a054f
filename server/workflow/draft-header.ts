/** What a new 导学案's header says, from its plan entry and its group (七年级数学备课组 → 七年级, 数学). */
import { subjectAndGradeOfName } from '../../shared/library/group-subject.ts'
import type { HeaderValues } from '../../shared/schema/header-fields.ts'

export interface DraftHeaderSource {
  groupName: string
  title: string
  lessonType: string
  period: number
  scheduledDate: string
  leadPreparerName: string
  /** The group's leader, who reviews (审核) the plan; empty if the group has none. */
  reviewerName: string
}

export function draftHeader(source: DraftHeaderSource): HeaderValues {
  const { subject, grade } = subjectAndGradeOfName(source.groupName)
  const [year, month, day] = source.scheduledDate.split('-').map(Number)
  return {
    subject,
    grade,
    topic: source.title,
    lessonType: source.lessonType.endsWith('课') ? source.lessonType : `${source.lessonType}课`,
    period: `第${source.period}课时`,
    leadPreparer: source.leadPreparerName,
    reviewer: source.reviewerName,
    date: `${year}年${month}月${day}日`,
  }
}
