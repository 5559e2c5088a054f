/**
 * 从 Word 导入: a multipart upload of a .docx, either with a plan entry as JSON, making a new lesson
 * (`POST /api/groups/{groupId}/lessons/import`, leader or office), or into a lesson's 初稿 nobody has
 * written in yet (`POST /api/lessons/{id}/import`, whoever may edit it). Both answer what the file had
 * that the draft could not keep. Uploads have their own body limit, `limits.maxUploadBytes`, instead of
 * the API's JSON limit.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { draftImportResult, importEntryField, importFileField, importResult } from '../../../shared/api/import.ts'
import { lessonPlanInput } from '../../../shared/api/lessons.ts'
import { limits } from '../../../shared/limits.ts'
import { localDateTime } from '../../../shared/workflow/lesson-schedule.ts'
import { importIntoDraft } from '../../import/import-into-draft.ts'
import { importPlanEntry } from '../../import/import-plan-entry.ts'
import { ImportRefusal, notDocx, tooLargeUpload } from '../../import/import-refusal.ts'
import { lessonSummaries } from '../../workflow/lesson-views.ts'
import type { WorkflowContext } from '../../workflow/stage-change.ts'
import { ApiError, errorResponse } from '../api-error.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { honoPath, refusalError } from './route-helpers.ts'

/** Room for the multipart envelope and the entry's JSON around the file. */
const envelopeBytes = 64 * 1024

const docxFile = z
  .instanceof(File, { message: '请选择要导入的 Word 文档（.docx）' })
  .openapi({ type: 'string', format: 'binary' })

const importLesson = createRoute({
  method: 'post',
  path: '/api/groups/{groupId}/lessons/import',
  summary: 'Add a lesson to the plan (leader or office) whose shared 导学案 is an uploaded .docx',
  request: {
    params: z.object({ groupId: z.string().min(1) }),
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: z.object({
            [importFileField]: docxFile,
            [importEntryField]: z
              .string({ message: '缺少课的安排' })
              .openapi({ description: 'The plan entry (lessonPlanInput) as JSON' }),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: '已导入为新的初稿', content: jsonContent(importResult) },
    ...errorResponses(400, 401, 403, 404, 413),
  },
})

const importIntoLessonDraft = createRoute({
  method: 'post',
  path: '/api/lessons/{id}/import',
  summary: 'Make the lesson’s unwritten 初稿 an uploaded .docx (whoever may edit the draft)',
  request: {
    params: z.object({ id: z.string().min(1) }),
    body: { required: true, content: { 'multipart/form-data': { schema: z.object({ [importFileField]: docxFile }) } } },
  },
  responses: {
    200: { description: '已导入初稿', content: jsonContent(draftImportResult) },
    ...errorResponses(400, 401, 403, 404, 413),
  },
})

const uploadPaths = [importLesson.path, importIntoLessonDraft.path].map(
  (path) => new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
)

/** Paths whose bodies are uploads: the API-wide JSON body limit does not apply to them. */
export function isUploadPath(path: string): boolean {
  return uploadPaths.some((pattern) => pattern.test(path))
}

/** The uploaded bytes, refused before reading if too large or empty. */
async function uploadedBytes(file: File): Promise<Uint8Array> {
  if (file.size > limits.maxUploadBytes) throw refusalAsApiError(tooLargeUpload(limits.maxUploadBytes))
  if (file.size === 0) throw refusalAsApiError(notDocx())
  return new Uint8Array(await file.arrayBuffer())
}

/** Runs an import, answering a refused file as `{error}`. */
async function refusingBadFiles<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof ImportRefusal) throw refusalAsApiError(error)
    throw error
  }
}

function refusalAsApiError(refusal: ImportRefusal): ApiError {
  return new ApiError(refusal.code === 'payload_too_large' ? 413 : 400, refusal.code, refusal.message)
}

function entryOf(json: string) {
  let value: unknown
  try {
    value = JSON.parse(json)
  } catch {
    throw new ApiError(400, 'invalid_request', '课的安排格式不正确')
  }
  const parsed = lessonPlanInput.safeParse(value)
  if (!parsed.success) throw new ApiError(400, 'invalid_request', parsed.error.issues[0]?.message ?? '课的安排不完整')
  return parsed.data
}

export function importRoutes(context: WorkflowContext) {
  const { store } = context
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()
  for (const route of [importLesson, importIntoLessonDraft]) {
    const path = honoPath(route.path)
    app.use(
      path,
      bodyLimit({
        maxSize: limits.maxUploadBytes + envelopeBytes,
        onError: (c) => {
          c.header('Connection', 'close')
          return errorResponse(c, refusalAsApiError(tooLargeUpload(limits.maxUploadBytes)))
        },
      }),
    )
  }

  app.openapi(importLesson, async (c) => {
    const form = c.req.valid('form')
    const entry = entryOf(form[importEntryField])
    const bytes = await uploadedBytes(form[importFileField])
    const outcome = await refusingBadFiles(() =>
      importPlanEntry(context, c.var.auth.actor, c.req.valid('param').groupId, entry, bytes),
    )
    if (!outcome.ok) throw refusalError(outcome)
    const { lesson, outline, unkept } = outcome.value
    const [summary] = await lessonSummaries(store, [lesson], localDateTime(new Date()))
    return c.json({ lesson: summary!, sections: outline, unkept }, 201)
  })

  app.openapi(importIntoLessonDraft, async (c) => {
    const bytes = await uploadedBytes(c.req.valid('form')[importFileField])
    const outcome = await refusingBadFiles(() =>
      importIntoDraft(context, c.var.auth.actor, c.req.valid('param').id, bytes),
    )
    if (!outcome.ok) throw refusalError(outcome)
    return c.json({ sections: outcome.value.outline, unkept: outcome.value.unkept }, 200)
  })
  return app
}
