/**
 * JSON shapes of `GET /api/search` (`server/http/routes/search-routes.ts`), shared by the server
 * (validation, OpenAPI) and the client (types). See docs/SEARCH.md.
 */
import { z } from 'zod'
import { maxQueryLength } from '../search/search-terms.ts'
import { searchKinds } from '../search/search-kinds.ts'
import { lessonStages } from '../workflow/stages.ts'

const filter = z.string().trim().min(1).max(100).optional()

export const searchQuery = z.object({
  q: z.string().trim().min(1, '请输入要搜索的词').max(maxQueryLength, `搜索词不能超过 ${maxQueryLength} 个字`),
  subject: filter.describe('学科, as the office set it on the group'),
  grade: filter.describe('年级, as the office set it on the group'),
  semester: filter.describe('学期, e.g. 2026秋'),
  groupId: filter.describe('备课组'),
  kind: z.enum(searchKinds).optional(),
  lessonType: filter.describe('课型'),
  stage: z.enum(lessonStages).optional().describe('阶段 of the lesson'),
  leadPreparerId: filter.describe('主备人'),
})
export type SearchQuery = z.infer<typeof searchQuery>

export const searchResult = z.object({
  documentId: z.string().nullable().describe('The document to open; null for a 集体备课记录 or 听课记录'),
  lessonId: z.string().nullable(),
  title: z.string(),
  groupName: z.string(),
  kind: z.enum(searchKinds),
  stage: z.enum(lessonStages).nullable().describe("The lesson's stage now; null outside a lesson"),
  versionLabel: z.string().optional().describe('v1, v2, … for a 定稿 version'),
  snippet: z
    .string()
    .describe('HTML-escaped text around the words found, each between <mark> and </mark>; nothing else is markup'),
})
export type SearchResult = z.infer<typeof searchResult>

export const searchResponse = z.object({
  total: z.number().int().describe('How many readable entries match, at most the candidates looked at'),
  results: z.array(searchResult),
})
export type SearchResponse = z.infer<typeof searchResponse>

export const searchFilters = z.object({
  groups: z.array(z.object({ id: z.string(), name: z.string(), subject: z.string(), grade: z.string() })),
  subjects: z.array(z.string()),
  grades: z.array(z.string()),
  semesters: z.array(z.string()),
  lessonTypes: z.array(z.string()),
  leadPreparers: z.array(z.object({ id: z.string(), displayName: z.string() })),
})
export type SearchFilterOptions = z.infer<typeof searchFilters>
