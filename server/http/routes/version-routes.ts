/**
 * 定稿 versions of a lesson: list, show read-only, compare two, restore one as new changes on top.
 * Refusals are 403 with the rule's reason.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  compareQuery,
  restoreResult,
  versionComparison,
  versionContent,
  versionSummary,
} from '../../../shared/api/versions.ts'
import type { ContentContext } from '../../versions/document-content.ts'
import { compareVersions, listLessonVersions, restoreVersion, showVersion } from '../../versions/version-service.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { refusalError, unwrap } from './route-helpers.ts'

const lessonParams = z.object({ id: z.string().min(1) })
const versionParams = z.object({ versionId: z.string().min(1) })

const listVersions = createRoute({
  method: 'get',
  path: '/api/lessons/{id}/versions',
  summary: 'The 定稿 versions of the lesson, v1 first',
  request: { params: lessonParams },
  responses: {
    200: { description: '定稿版本', content: jsonContent(z.array(versionSummary)) },
    ...errorResponses(401, 404),
  },
})

const compare = createRoute({
  method: 'get',
  path: '/api/lessons/{id}/versions/compare',
  summary: 'What changed from one version to another, passage by passage, with inserted and deleted text',
  request: { params: lessonParams, query: compareQuery },
  responses: {
    200: { description: '版本对比', content: jsonContent(versionComparison) },
    ...errorResponses(400, 401, 404),
  },
})

const showOne = createRoute({
  method: 'get',
  path: '/api/versions/{versionId}',
  summary: 'One version with its content as ProseMirror JSON, to show read-only',
  request: { params: versionParams },
  responses: { 200: { description: '定稿版本', content: jsonContent(versionContent) }, ...errorResponses(401, 404) },
})

const restore = createRoute({
  method: 'post',
  path: '/api/versions/{versionId}/restore',
  summary: 'Make the shared plan read like this version again, as new changes on top of its history',
  request: { params: versionParams },
  responses: { 200: { description: '已恢复', content: jsonContent(restoreResult) }, ...errorResponses(401, 403, 404) },
})

export function versionRoutes(context: ContentContext) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  app.openapi(listVersions, async (c) => {
    return c.json(unwrap(await listLessonVersions(context.store, c.req.valid('param').id, c.var.auth.actor)), 200)
  })

  app.openapi(compare, async (c) => {
    const { from, to } = c.req.valid('query')
    const comparison = unwrap(await compareVersions(context.store, from, to, c.var.auth.actor))
    if (comparison.from.lessonId !== c.req.valid('param').id)
      throw refusalError({ ok: false, kind: 'notFound', message: '没有这个定稿版本' })
    return c.json(comparison, 200)
  })

  app.openapi(showOne, async (c) => {
    return c.json(unwrap(await showVersion(context.store, c.req.valid('param').versionId, c.var.auth.actor)), 200)
  })

  app.openapi(restore, async (c) => {
    return c.json(unwrap(await restoreVersion(context, c.req.valid('param').versionId, c.var.auth.actor)), 200)
  })
  return app
}
