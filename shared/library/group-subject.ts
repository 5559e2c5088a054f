/**
 * A group's 学科 and 年级 (LIBRARY-2): what the office set, or else what its name says, as schools name
 * their groups (七年级数学备课组, 高一英语教研组).
 */
export interface GroupNaming {
  name: string
  /** Empty until the office sets it. */
  subject: string
  grade: string
}

const groupNamePattern = /^(.{1,3}年级|高[一二三]|初[一二三])(.+?)(备课组|教研组)?$/

export function subjectAndGradeOfName(name: string): { subject: string; grade: string } {
  const [, grade = '', subject = ''] = groupNamePattern.exec(name) ?? []
  return { subject, grade }
}

export function subjectAndGradeOf(group: GroupNaming): { subject: string; grade: string } {
  const named = subjectAndGradeOfName(group.name)
  return { subject: group.subject.trim() || named.subject, grade: group.grade.trim() || named.grade }
}
