/**
 * 教案检查: `PUT /api/admin/checks/{teacherId}` (the office records or replaces a check),
 * `GET /api/admin/checks?semester=` (the school's), `GET /api/me/checks` (a teacher's own).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { checkRequest, planCheck } from '../../../shared/api/checks.ts'
import { ownChecks, recordCheck, schoolChecks } from '../../checks/plan-checks.ts'
import type { Store } from '../../store/store.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { unwrap } from './route-helpers.ts'

const record = createRoute({
  method: 'put',
  path: '/api/admin/checks/{teacherId}',
  summary: 'Record or replace a teacher’s 教案检查 of a semester',
  request: {
    params: z.object({ teacherId: z.string().min(1) }),
    body: { content: jsonContent(checkRequest), required: true },
  },
  responses: { 200: { description: '已记录', content: jsonContent(planCheck) }, ...errorResponses(400, 401, 403, 404) },
})

const listSchool = createRoute({
  method: 'get',
  path: '/api/admin/checks',
  summary: 'The school’s 教案检查 of a semester',
  request: { query: z.object({ semester: z.string().min(1).max(40) }) },
  responses: {
    200: { description: '教案检查', content: jsonContent(z.array(planCheck)) },
    ...errorResponses(400, 401, 403),
  },
})

const listOwn = createRoute({
  method: 'get',
  path: '/api/me/checks',
  summary: 'One’s own 教案检查, newest semester first',
  responses: { 200: { description: '我的教案检查', content: jsonContent(z.array(planCheck)) }, ...errorResponses(401) },
})

export function checkRoutes({ store }: { store: Pick<Store, 'accounts' | 'checks'> }) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()
  app.openapi(record, async (c) => {
    const { teacherId } = c.req.valid('param')
    return c.json(unwrap(await recordCheck(store, c.var.auth.actor, teacherId, c.req.valid('json'))), 200)
  })
  app.openapi(listSchool, async (c) =>
    c.json(unwrap(await schoolChecks(store, c.var.auth.actor, c.req.valid('query').semester)), 200),
  )
  app.openapi(listOwn, async (c) => c.json(await ownChecks(store, c.var.auth.actor), 200))
  return app
}
