/**
 * Downloads the semester's 定稿 导学案 of a group as one .zip, 学生版 or 教师版, for those the shared
 * rule lets archive (the school's teachers and the office).
 */
import type { Me } from '../../../shared/api.ts'
import { decideArchiveExport } from '../../../shared/export/export-rules.ts'
import { actorOf } from '../lessons/me-actor.ts'
import './export.css'

export function SemesterDownload({ me, groupId, semester }: { me: Me; groupId: string; semester: string }) {
  if (!decideArchiveExport(actorOf(me), { schoolId: me.schoolId }).allowed) return null
  const url = (edition: 'student' | 'teacher') =>
    `/api/groups/${encodeURIComponent(groupId)}/export/finalized?semester=${encodeURIComponent(semester)}&edition=${edition}`
  return (
    <span className="export-links no-print" data-testid="semester-download">
      <span className="muted">本学期定稿导学案：</span>
      <a href={url('student')} download data-testid="semester-zip-student">
        学生版 .zip
      </a>
      <a href={url('teacher')} download data-testid="semester-zip-teacher">
        教师版 .zip
      </a>
    </span>
  )
}
