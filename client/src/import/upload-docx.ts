/**
 * The upload of 从 Word 导入: multipart, so it does not go through the JSON `apiRequest`. The server's
 * refusals of a file (413, 400) are written for teachers and shown as they are.
 */
import { type DraftImportResult, importEntryField, importFileField, type ImportResult } from '../../../shared/api/import.ts'
import type { LessonPlanInput } from '../../../shared/api/lessons.ts'
import { ApiError } from '../api/http.ts'

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

async function upload<T>(path: string, form: FormData): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { accept: 'application/json' },
      body: form,
    })
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络')
  }
  if (response.ok) return (await response.json()) as T
  const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null
  const message = body?.error?.message
  throw new ApiError(
    response.status,
    body?.error?.code ?? 'unknown',
    message && /[\u4e00-\u9fff]/.test(message) ? message : response.status >= 500 ? '服务器出错了，请稍后再试' : '导入失败',
  )
}
