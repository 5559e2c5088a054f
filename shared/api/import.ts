/** JSON shapes of 从 Word 导入 (`server/http/routes/import-routes.ts`), for the server and the client. */
import { z } from 'zod'
import { unkeptKinds } from '../import/unkept.ts'
import { lessonSummary } from './lessons.ts'

/** Name of the multipart field holding the .docx; the plan entry travels as JSON in `entry`. */
export const importFileField = 'file'
export const importEntryField = 'entry'

export const importedSection = z.object({
  key: z.string(),
  title: z.string(),
  /** Matched to a section of the school's template (else a section of the file's own title). */
  fromTemplate: z.boolean(),
})

export const unkeptItem = z.object({
  kind: z.enum(unkeptKinds),
  count: z.number().nullable(),
  message: z.string(),
})

export const importResult = z.object({
  lesson: lessonSummary,
  sections: z.array(importedSection),
  /** What the file had that the draft does not, to tell the teacher. */
  unkept: z.array(unkeptItem),
})
export type ImportResult = z.infer<typeof importResult>

/** An import into an existing lesson's unwritten 初稿. */
export const draftImportResult = importResult.omit({ lesson: true })
export type DraftImportResult = z.infer<typeof draftImportResult>
