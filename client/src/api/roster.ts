/** The staff roster: the preview and the import of a sheet, and the sheet of one-time passwords to hand out. */
import { type RosterPassword, rosterFileField, type RosterResult } from '../../../shared/api/roster.ts'
import { apiDownload, apiRequest, type Download } from './http.ts'

export const rosterTemplateUrl = '/api/admin/roster/template'

/** `dryRun`: only checks. An import of a sheet with error rows fails with 422, nothing written. */
export function uploadRoster(file: File, dryRun: boolean): Promise<RosterResult> {
  const form = new FormData()
  form.set(rosterFileField, file)
  return apiRequest<RosterResult>(`/api/admin/roster${dryRun ? '?dryRun=1' : ''}`, {
    method: 'POST',
    upload: form,
    wording: { unknown: '导入失败' },
  })
}

export function downloadPasswordSheet(passwords: RosterPassword[]): Promise<Download> {
  return apiDownload('/api/admin/roster/password-sheet', { method: 'POST', body: { passwords } })
}
