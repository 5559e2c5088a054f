/**
 * JSON shapes of 磨课 rounds (`server/http/routes/round-routes.ts`, docs/LIBRARY.md LIBRARY-8 and
 * LIBRARY-9), shared by the server (validation, OpenAPI) and the client (types).
 */
import { z } from 'zod'
import { blockChange, person, versionSummary } from './versions.ts'

export const roundSummary = z.object({
  number: z.number().int(),
  /** 第一轮, 第二轮, … */
  name: z.string(),
  /** Who started it; null for the first round, which began with the plan. */
  startedBy: person.nullable(),
  /** ISO 8601: when it was started, or for the first round when the lesson was planned. */
  startedAt: z.string(),
  /** Its last 定稿; null while the round is in progress (then its content is the shared plan now). */
  version: versionSummary.nullable(),
})
export type RoundSummary = z.infer<typeof roundSummary>

export const lessonRoundList = z.object({ rounds: z.array(roundSummary) })
export type LessonRoundList = z.infer<typeof lessonRoundList>

const roundNumber = z.coerce.number().int().min(1).max(1000)
export const roundCompareQuery = z.object({ from: roundNumber, to: roundNumber })

export const roundComparison = z.object({
  from: roundSummary,
  to: roundSummary,
  changes: z.array(blockChange),
  changeCount: z.number().int(),
})
export type RoundComparison = z.infer<typeof roundComparison>
