/**
 * 二次备课: a teacher's adaptation of a finalized version, its 个人加减 against that version, pulling a
 * newer version in, and settling the passages the pull flagged.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  adaptationDetail,
  adaptationSummary,
  createAdaptationRequest,
  resolveConflictRequest,
} from '../../../shared/api/versions.ts'
import {
  createAdaptation,
  listLessonAdaptations,
  pullNewestVersion,
  resolveConflict,
  showAdaptation,
} from '../../adaptations/adaptation-service.ts'
import type { ContentContext } from '../../versions/document-content.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { unwrap } from './route-helpers.ts'

const lessonParams = z.object({ id: z.string().min(1) })
const adaptationParams = z.object({ documentId: z.string().min(1) })

const list = createRoute({
  method: 'get',
  path: '/api/lessons/{id}/adaptations',
  summary: 'The teachers’ adaptations of the lesson with their number of changes (个人加减)',
  request: { params: lessonParams },
  responses: {
    200: { description: '二次备课', content: jsonContent(z.array(adaptationSummary)) },
    ...errorResponses(401, 404),
  },
})

const create = createRoute({
  method: 'post',
  path: '/api/lessons/{id}/adaptations',
  summary: 'Start (or open) the signed-in teacher’s adaptation, as a fork of a finalized version',
  request: { params: lessonParams, body: { content: jsonContent(createAdaptationRequest), required: true } },
  responses: {
    200: { description: '二次备课', content: jsonContent(adaptationDetail) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const show = createRoute({
  method: 'get',
  path: '/api/adaptations/{documentId}',
  summary: 'An adaptation with its changes against the version it is based on and its flagged passages',
  request: { params: adaptationParams },
  responses: { 200: { description: '二次备课', content: jsonContent(adaptationDetail) }, ...errorResponses(401, 404) },
})

const pull = createRoute({
  method: 'post',
  path: '/api/adaptations/{documentId}/pull',
  summary: 'Merge the lesson’s newest version into the adaptation, keeping every personal edit',
  request: { params: adaptationParams },
  responses: {
    200: { description: '已更新', content: jsonContent(adaptationDetail) },
    ...errorResponses(401, 403, 404),
  },
})

const resolve = createRoute({
  method: 'post',
  path: '/api/adaptations/{documentId}/conflicts/{conflictId}',
  summary: 'Settle a flagged passage: keep mine, take the shared version, or mark it done',
  request: {
    params: adaptationParams.extend({ conflictId: z.string().min(1) }),
    body: { content: jsonContent(resolveConflictRequest), required: true },
  },
  responses: {
    200: { description: '已处理', content: jsonContent(adaptationDetail) },
    ...errorResponses(400, 401, 403, 404),
  },
})

export function adaptationRoutes(context: ContentContext) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  app.openapi(list, async (c) => {
    return c.json(unwrap(await listLessonAdaptations(context, c.req.valid('param').id, c.var.auth.actor)), 200)
  })

  app.openapi(create, async (c) => {
    const { versionId } = c.req.valid('json')
    return c.json(unwrap(await createAdaptation(context, c.req.valid('param').id, c.var.auth.actor, versionId)), 200)
  })

  app.openapi(show, async (c) => {
    return c.json(unwrap(await showAdaptation(context, c.req.valid('param').documentId, c.var.auth.actor)), 200)
  })

  app.openapi(pull, async (c) => {
    return c.json(unwrap(await pullNewestVersion(context, c.req.valid('param').documentId, c.var.auth.actor)), 200)
  })

  app.openapi(resolve, async (c) => {
    const { documentId, conflictId } = c.req.valid('param')
    const { choice } = c.req.valid('json')
    return c.json(unwrap(await resolveConflict(context, documentId, conflictId, choice, c.var.auth.actor)), 200)
  })
  return app
}
