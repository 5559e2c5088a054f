/**
 * JSON shapes of 定稿 versions, 二次备课 adaptations, 课后反思 and 同课异构 in the HTTP API, shared by
 * the server (validation, OpenAPI) and the client (types).
 */
import { z } from 'zod'

export const person = z.object({ id: z.string(), displayName: z.string() })
export type Person = z.infer<typeof person>

/** ProseMirror JSON of a document body or of one block. */
export const proseMirrorJson = z.record(z.string(), z.unknown())
export type ProseMirrorJson = z.infer<typeof proseMirrorJson>

export const versionSummary = z.object({
  id: z.string(),
  lessonId: z.string(),
  number: z.number().int(),
  /** 定稿 v1, 定稿 v2, … */
  name: z.string(),
  createdBy: person,
  createdAt: z.string(),
})
export type VersionSummary = z.infer<typeof versionSummary>

export const versionContent = z.object({ version: versionSummary, content: proseMirrorJson })
export type VersionContent = z.infer<typeof versionContent>

export const block = z.object({
  key: z.string(),
  type: z.string(),
  text: z.string(),
  section: z.string(),
  sectionKey: z.string(),
  json: proseMirrorJson,
})
export type BlockShape = z.infer<typeof block>

const textPart = z.object({ text: z.string(), change: z.enum(['same', 'added', 'removed']) })

export const blockChange = z.discriminatedUnion('change', [
  z.object({ change: z.literal('same'), block }),
  z.object({ change: z.literal('added'), block }),
  z.object({ change: z.literal('removed'), block }),
  z.object({ change: z.literal('changed'), before: block, block, parts: z.array(textPart) }),
])
export type BlockChangeShape = z.infer<typeof blockChange>

export const versionComparison = z.object({
  from: versionSummary,
  to: versionSummary,
  changes: z.array(blockChange),
  changeCount: z.number().int(),
})
export type VersionComparison = z.infer<typeof versionComparison>

export const compareQuery = z.object({ from: z.string().min(1), to: z.string().min(1) })

export const restoreResult = z.object({
  /** False when the plan already read like the version. */
  changed: z.boolean(),
})
export type RestoreResult = z.infer<typeof restoreResult>

export const conflictChoices = ['mine', 'shared', 'done'] as const
export type ConflictChoice = (typeof conflictChoices)[number]

export const conflict = z.object({
  id: z.string(),
  section: z.string(),
  baseText: z.string(),
  /** Null where the teacher had deleted the passage. */
  mineText: z.string().nullable(),
  /** Null where the shared plan deleted it. */
  sharedText: z.string().nullable(),
  toVersionNumber: z.number().int(),
  status: z.enum(['open', ...conflictChoices]),
})
export type ConflictShape = z.infer<typeof conflict>

export const adaptationSummary = z.object({
  documentId: z.string(),
  lessonId: z.string(),
  title: z.string(),
  teacher: person,
  baseVersion: versionSummary,
  /** The newest 定稿 version of the lesson, when it is newer than the base: pull it in. */
  newerVersion: versionSummary.nullable(),
  /** 个人加减: places changed against the base version. */
  changeCount: z.number().int(),
  openConflicts: z.number().int(),
})
export type AdaptationSummary = z.infer<typeof adaptationSummary>

export const adaptationDetail = adaptationSummary.extend({
  /** Whether the asking user may change it now (pull, settle): its own teacher, until the lesson is archived. */
  editable: z.boolean(),
  changes: z.array(blockChange),
  conflicts: z.array(conflict),
})
export type AdaptationDetail = z.infer<typeof adaptationDetail>

export const createAdaptationRequest = z.object({
  /** The version to start from; the newest one when left out. */
  versionId: z.string().optional(),
})

export const resolveConflictRequest = z.object({ choice: z.enum(conflictChoices) })

export const passageReference = z.object({
  id: z.string(),
  sourceDocumentId: z.string(),
  blockKey: z.string(),
  section: z.string(),
  quote: z.string(),
})
export type PassageReference = z.infer<typeof passageReference>

export const reflectionSummary = z.object({
  documentId: z.string(),
  title: z.string(),
  teacher: person,
  /** The teacher's adaptation, whose passages the reflection may point at. */
  adaptationDocumentId: z.string().nullable(),
  content: proseMirrorJson,
  references: z.array(passageReference),
})
export type ReflectionSummary = z.infer<typeof reflectionSummary>

export const addReferenceRequest = z.object({ sourceDocumentId: z.string().min(1), blockKey: z.string().min(1) })

export const documentPassages = z.object({ documentId: z.string(), blocks: z.array(block) })
export type DocumentPassages = z.infer<typeof documentPassages>

export const variantSummary = z.object({
  documentId: z.string(),
  title: z.string(),
  author: person,
  createdAt: z.string(),
})
export type VariantSummary = z.infer<typeof variantSummary>

export const createVariantRequest = z.object({
  /** Start from the school's 导学案 template, or from the lesson's current shared plan. */
  from: z.enum(['template', 'plan']),
})

export const sectionPair = z.object({
  title: z.string(),
  left: z.array(block).nullable(),
  right: z.array(block).nullable(),
})
export type SectionPair = z.infer<typeof sectionPair>

export const variantComparison = z.object({
  left: variantSummary,
  right: variantSummary,
  sections: z.array(sectionPair),
})
export type VariantComparison = z.infer<typeof variantComparison>

export const variantCompareQuery = z.object({ left: z.string().min(1), right: z.string().min(1) })

export function versionName(number: number): string {
  return `定稿 v${number}`
}
