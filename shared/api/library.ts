/**
 * JSON shapes of the 资源库 API (`server/http/routes/library-routes.ts`): finished plans to browse and
 * where a lesson's draft came from, shared by the server (validation, OpenAPI) and the client (types).
 */
import { z } from 'zod'
import { lessonStages } from '../workflow/stages.ts'

const person = z.object({ id: z.string(), displayName: z.string() })

/** A lesson with a 定稿, as the library lists it. */
export const libraryPlan = z.object({
  lessonId: z.string(),
  title: z.string(),
  /** 单元, empty when none (LIBRARY-12). */
  unit: z.string(),
  lessonType: z.string(),
  period: z.number().int(),
  semester: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  /** The group's, or read from its name; empty if neither tells. */
  subject: z.string(),
  grade: z.string(),
  leadPreparer: person,
  latestVersion: z.object({
    id: z.string(),
    number: z.number().int(),
    /** 定稿 v2 */
    name: z.string(),
    createdAt: z.string().describe('ISO 8601'),
  }),
})
export type LibraryPlan = z.infer<typeof libraryPlan>

export const libraryListing = z.object({ plans: z.array(libraryPlan) })
export type LibraryListing = z.infer<typeof libraryListing>

export const startFromRequest = z.object({ versionId: z.string().min(1, '请选择一份定稿') })
export type StartFromRequest = z.infer<typeof startFromRequest>

/** The 定稿 a lesson's draft was started from. */
export const draftSource = z.object({
  versionId: z.string(),
  lessonId: z.string(),
  title: z.string(),
  /** 来源：2025 秋 七年级数学备课组 定稿 v2，李老师 */
  label: z.string(),
  startedBy: person,
  startedAt: z.string().describe('ISO 8601'),
})
export type DraftSource = z.infer<typeof draftSource>

/** A lesson whose draft was started from one of this lesson's 定稿 versions. */
export const builtOnLesson = z.object({
  lessonId: z.string(),
  title: z.string(),
  semester: z.string(),
  groupName: z.string(),
  leadPreparer: person,
  stage: z.enum(lessonStages),
  /** Which version it was started from: 定稿 v2 */
  versionName: z.string(),
  startedAt: z.string().describe('ISO 8601'),
})
export type BuiltOnLesson = z.infer<typeof builtOnLesson>

export const lessonLineage = z.object({
  /** Null when the draft was not started from a 定稿, or the user may not read the one it was. */
  source: draftSource.nullable(),
  /** Only the lessons the user may read. */
  builtOn: z.array(builtOnLesson),
})
export type LessonLineage = z.infer<typeof lessonLineage>

/** At most this many sources are named in one request: a plan's copied blocks, many times over. */
export const maxBlockSourcesPerRequest = 100

/** `GET /api/block-sources?sources=document:…,version:…`: the 来源 of copied blocks (LIBRARY-11). */
export const blockSourcesQuery = z.object({
  sources: z
    .string()
    .max(maxBlockSourcesPerRequest * 80)
    .transform((value) => [...new Set(value.split(',').filter(Boolean))])
    .pipe(z.array(z.string()).min(1).max(maxBlockSourcesPerRequest)),
})

/** One source as the reader may see it: a link only when they may open it. */
export const namedBlockSource = z.object({
  source: z.string(),
  /** 来源：2025 秋 七年级数学备课组《一元一次方程》定稿 v2，李老师 */
  label: z.string(),
  /** Where it opens: `version` a 定稿 version's page, `document` the document; null when not readable. */
  opens: z.object({ kind: z.enum(['document', 'version']), id: z.string() }).nullable(),
})
export type NamedBlockSource = z.infer<typeof namedBlockSource>

export const blockSourceNames = z.object({ sources: z.array(namedBlockSource) })
export type BlockSourceNames = z.infer<typeof blockSourceNames>
