/**
 * 教师用 material in an imported file: Word has no such mark, so teachers write it as a lead-in
 * (“【参考答案】…”, “教师用：…”, “【二次备课】…”). A block that starts with one is teacher-only; a block that
 * is nothing but the lead-in also marks what follows it, up to the next heading.
 */
const teacherLeadIn =
  /^[【[〔［(（]?\s*(教师用|教师版|参考答案|答案|答案与解析|二次备课|教师备注|教学建议|教师活动|设计意图|教学反思)\s*[】\]〕］)）]?\s*[:：]?/

export type TeacherNote = 'none' | 'block' | 'blockAndFollowing'

export function teacherNoteOf(text: string): TeacherNote {
  const trimmed = text.trim()
  const leadIn = teacherLeadIn.exec(trimmed)
  if (!leadIn) return 'none'
  return trimmed.slice(leadIn[0].length).trim() === '' ? 'blockAndFollowing' : 'block'
}
