/** `GET /api/group-overview`: the group page, one 备课组's semester at a glance. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { groupOverview, overviewQuery } from '../../../shared/api/group-overview.ts'
import { groupOverviewFor } from '../../stats/group-overview.ts'
import type { ContentContext } from '../../versions/document-content.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { refusalError } from './route-helpers.ts'

const getOverview = createRoute({
  method: 'get',
  path: '/api/group-overview',
  summary: 'A group’s semester: lessons by stage, late lessons, per-teacher counts (office: every group)',
  request: { query: overviewQuery },
  responses: {
    200: { description: '备课组概况', content: jsonContent(groupOverview) },
    ...errorResponses(400, 401, 403, 404),
  },
})

export function groupOverviewRoutes(context: ContentContext) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()
  app.openapi(getOverview, async (c) => {
    const outcome = await groupOverviewFor(context, c.var.auth.actor, c.req.valid('query'))
    if (!outcome.ok) throw refusalError(outcome)
    return c.json(outcome.value, 200)
  })
  return app
}
