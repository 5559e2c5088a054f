/**
 * JSON shapes of importing a staff roster (`POST /api/admin/roster`, multipart with the file in `file`;
 * `?dryRun=1` only checks) and of the sheet of one-time passwords the office hands out.
 */
import { z } from 'zod'
import { maxRosterRows } from '../school/roster-rules.ts'

export const rosterFileField = 'file'

export const rosterQuery = z.object({
  dryRun: z
    .enum(['0', '1', 'true', 'false'])
    .optional()
    .describe('1: check the sheet and answer the preview, writing nothing'),
})

export const rosterRow = z.object({
  /** The row number as Excel shows it. */
  row: z.number().int(),
  status: z.enum(['create', 'update', 'error']),
  username: z.string(),
  /** Why the row cannot be imported; for the others, what it changes. */
  message: z.string().optional(),
})
export type RosterRowView = z.infer<typeof rosterRow>

export const rosterPassword = z.object({
  row: z.number().int(),
  username: z.string().max(64),
  displayName: z.string().max(64),
  password: z.string().max(256),
})
export type RosterPassword = z.infer<typeof rosterPassword>

export const rosterResult = z.object({
  rows: z.array(rosterRow),
  /** Rows that create an account, update one, or cannot be imported (then nothing is written). */
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.number().int(),
  /** 备课组 the sheet names that the school does not have yet: the import creates them. */
  newGroups: z.array(z.string()),
  /** After an import, the initial password of every account it created, shown this once; empty otherwise. */
  passwords: z.array(rosterPassword),
})
export type RosterResult = z.infer<typeof rosterResult>

export const passwordSheetRequest = z.object({ passwords: z.array(rosterPassword).min(1).max(maxRosterRows) })
