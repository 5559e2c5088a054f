/** Query shapes of the export API (`server/http/routes/export-routes.ts`). */
import { z } from 'zod'
import { editions } from '../export/export-model.ts'

export const exportFormats = ['docx', 'pdf', 'json'] as const
export type ExportFormat = (typeof exportFormats)[number]

export const editionQuery = z.enum(editions).default('teacher').describe('student: 学生版, teacher: 教师版')
export const formatQuery = z
  .enum(exportFormats)
  .default('docx')
  .describe(
    'docx: Word; pdf: printed by the server (503 pdf_unavailable without Chromium); json: the export model the print view shows',
  )

export const exportQuery = z.object({ edition: editionQuery, format: formatQuery })

export const archiveQuery = z.object({
  semester: z.string().min(1).optional().describe('e.g. 2026-2027学年第一学期; all semesters when left out'),
  lessons: z.string().min(1).optional().describe('A unit: comma-separated lesson ids of the group'),
  edition: editionQuery,
})

export const reflectionsQuery = z.object({
  teacher: z.string().min(1),
  semester: z.string().min(1).optional(),
  format: formatQuery,
})

/** The export model (`shared/export/export-model.ts`) as JSON. */
export const exportModel = z.record(z.string(), z.unknown())
