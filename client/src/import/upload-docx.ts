/**
 * The upload of 从 Word 导入, multipart. The server's refusals of a file (413, 400: not a .docx, unsafe,
 * unreadable) are written for teachers and shown as they are.
 */
import {
  type DraftImportResult,
  importEntryField,
  importFileField,
  type ImportResult,
} from '../../../shared/api/import.ts'
import type { LessonPlanInput } from '../../../shared/api/lessons.ts'
import { apiRequest } from '../api/http.ts'

/** A new lesson of the plan whose draft is `file` (leader or office). */
export function importLessonFromDocx(groupId: string, entry: LessonPlanInput, file: File): Promise<ImportResult> {
  const form = new FormData()
  form.set(importFileField, file)
  form.set(importEntryField, JSON.stringify(entry))
  return upload<ImportResult>(`/api/groups/${encodeURIComponent(groupId)}/lessons/import`, form)
}

/** The lesson's unwritten 初稿 becomes `file` (whoever may edit it). */
export function importIntoLessonDraft(lessonId: string, file: File): Promise<DraftImportResult> {
  const form = new FormData()
  form.set(importFileField, file)
  return upload<DraftImportResult>(`/api/lessons/${encodeURIComponent(lessonId)}/import`, form)
}

function upload<T>(path: string, form: FormData): Promise<T> {
  return apiRequest<T>(path, { method: 'POST', upload: form, wording: { unknown: '导入失败' } })
}
