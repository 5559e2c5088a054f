/**
 * Under a teacher's reflection: the reflection as Word or printed, and all of that teacher's reflections
 * of the semester in the group as one Word file (for those the shared rule lets archive).
 */
import type { LessonSummary, Person } from '../../../shared/api/lessons.ts'
import type { Me } from '../../../shared/api.ts'
import { decideArchiveExport } from '../../../shared/export/export-rules.ts'
import { actorOf } from '../lessons/me-actor.ts'
import { ExportLinks } from './ExportLinks.tsx'

export function ReflectionExportLinks({
  me,
  lesson,
  reflectionId,
  teacher,
}: {
  me: Me
  lesson: LessonSummary
  reflectionId: string
  teacher: Person
}) {
  const semesterUrl = `/api/groups/${encodeURIComponent(lesson.groupId)}/export/reflections?teacher=${encodeURIComponent(teacher.id)}&semester=${encodeURIComponent(lesson.semester)}`
  return (
    <p className="export-links no-print">
      <ExportLinks source="documents" id={reflectionId} editions={['teacher']} />
      {decideArchiveExport(actorOf(me), { schoolId: me.schoolId }).allowed && (
        <a href={semesterUrl} download data-testid="download-teacher-reflections">
          {teacher.displayName}本学期的全部反思（Word）
        </a>
      )}
    </p>
  )
}
