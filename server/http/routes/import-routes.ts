/**
 * 从 Word 导入 (`POST /api/groups/{groupId}/lessons/import`): a multipart upload of a .docx with the plan
 * entry as JSON; answers the new lesson and what the file had that the draft could not keep. Uploads
 * have their own body limit, `limits.maxUploadBytes`, instead of the API's JSON limit.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { importEntryField, importFileField, importResult } from '../../../shared/api/import.ts'
import { lessonPlanInput } from '../../../shared/api/lessons.ts'
import { limits } from '../../../shared/limits.ts'
import { localDateTime } from '../../../shared/workflow/lesson-schedule.ts'
import { importPlanEntry } from '../../import/import-plan-entry.ts'
import { ImportRefusal, notDocx, tooLargeUpload } from '../../import/import-refusal.ts'
import { lessonSummaries } from '../../workflow/lesson-views.ts'
import type { WorkflowContext } from '../../workflow/stage-change.ts'
import { ApiError, errorResponse } from '../api-error.ts'
import { type AuthVariables, requireUser } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { honoPath, refusalError } from './route-helpers.ts'

/** Room for the multipart envelope and the entry's JSON around the file. */
const envelopeBytes = 64 * 1024

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
            [importFileField]: z.instanceof(File, { message: '请选择要导入的 Word 文档（.docx）' }).openapi({ type: 'string', format: 'binary' }),
            [importEntryField]: z.string({ message: '缺少课的安排' }).openapi({ description: 'The plan entry (lessonPlanInput) as JSON' }),
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

/** Paths whose bodies are uploads: the API-wide JSON body limit does not apply to them. */
export function isUploadPath(path: string): boolean {
  return /^\/api\/groups\/[^/]+\/lessons\/import$/.test(path)
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
  const path = honoPath(importLesson.path)
  app.use(path, requireUser(store))
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

  app.openapi(importLesson, async (c) => {
    const form = c.req.valid('form')
    const file = form[importFileField]
    if (file.size > limits.maxUploadBytes) throw refusalAsApiError(tooLargeUpload(limits.maxUploadBytes))
    if (file.size === 0) throw refusalAsApiError(notDocx())
    const entry = entryOf(form[importEntryField])
    try {
      const bytes = new Uint8Array(await file.arrayBuffer())
      const outcome = await importPlanEntry(context, c.var.auth.actor, c.req.valid('param').groupId, entry, bytes)
      if (!outcome.ok) throw refusalError(outcome)
      const { lesson, outline, unkept } = outcome.value
      const [summary] = await lessonSummaries(store, [lesson], localDateTime(new Date()))
      return c.json({ lesson: summary!, sections: outline, unkept }, 201)
    } catch (error) {
      if (error instanceof ImportRefusal) throw refusalAsApiError(error)
      throw error
    }
  })
  return app
}
