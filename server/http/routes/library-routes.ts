/**
 * The 资源库: the finished plans the user may read, a lesson's lineage, and 以此为底稿 (docs/LIBRARY.md).
 * Refusals are 403 with the rule's reason; what the user may not read is 404 or left out.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  blockSourceNames,
  blockSourcesQuery,
  lessonLineage as lessonLineageShape,
  libraryListing,
  startFromRequest,
} from '../../../shared/api/library.ts'
import { nameBlockSources } from '../../library/block-sources.ts'
import { listLibrary } from '../../library/finished-plans.ts'
import type { LibraryContext } from '../../library/library-context.ts'
import { lessonLineage } from '../../library/lesson-lineage.ts'
import { startDraftFromVersion } from '../../library/start-from-version.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { unwrap } from './route-helpers.ts'

const lessonParams = z.object({ id: z.string().min(1) })

const browse = createRoute({
  method: 'get',
  path: '/api/library',
  summary: 'Every lesson with a 定稿 that the user may read, across years and groups, with its latest version',
  responses: { 200: { description: '资源库', content: jsonContent(libraryListing) }, ...errorResponses(401) },
})

const lineage = createRoute({
  method: 'get',
  path: '/api/lessons/{id}/lineage',
  summary: 'The 定稿 the lesson’s draft was started from, and the lessons started from its own 定稿',
  request: { params: lessonParams },
  responses: {
    200: { description: '来源与被引用', content: jsonContent(lessonLineageShape) },
    ...errorResponses(401, 404),
  },
})

const startFrom = createRoute({
  method: 'post',
  path: '/api/lessons/{id}/start-from',
  summary: '以此为底稿: fill the lesson’s unwritten 初稿 from a 定稿 the user may read, and record the source',
  request: { params: lessonParams, body: { content: jsonContent(startFromRequest), required: true } },
  responses: {
    200: { description: '已以定稿为底稿', content: jsonContent(lessonLineageShape) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const blockSources = createRoute({
  method: 'get',
  path: '/api/block-sources',
  summary: 'The 来源 of copied blocks, named for the reader; a source they may not read is only said to exist',
  request: { query: blockSourcesQuery },
  responses: {
    200: { description: '段落来源', content: jsonContent(blockSourceNames) },
    ...errorResponses(400, 401),
  },
})

export function libraryRoutes(context: LibraryContext) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  app.openapi(browse, async (c) => c.json({ plans: await listLibrary(context.store, c.var.auth.actor) }, 200))

  app.openapi(lineage, async (c) =>
    c.json(unwrap(await lessonLineage(context.store, c.var.auth.actor, c.req.valid('param').id)), 200),
  )

  app.openapi(startFrom, async (c) => {
    const { versionId } = c.req.valid('json')
    return c.json(
      unwrap(await startDraftFromVersion(context, c.var.auth.actor, c.req.valid('param').id, versionId)),
      200,
    )
  })
  app.openapi(blockSources, async (c) =>
    c.json({ sources: await nameBlockSources(context.store, c.var.auth.actor, c.req.valid('query').sources) }, 200),
  )

  return app
}
