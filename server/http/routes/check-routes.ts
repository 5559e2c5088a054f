/**
 * 教案检查: `PUT /api/admin/checks/{teacherId}` (the office records or replaces a check),
 * `GET /api/admin/checks?semester=` (the school's), `GET /api/admin/checks/export?semester=` (the
 * school's counts and checks as an .xlsx), `GET /api/me/checks` (a teacher's own).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { checkRequest, planCheck } from '../../../shared/api/checks.ts'
import { safeFileName } from '../../../shared/export/file-names.ts'
import contentDisposition from 'content-disposition'
import { checkExport, type CheckExportContext } from '../../checks/check-export.ts'
import { ownChecks, recordCheck, schoolChecks } from '../../checks/plan-checks.ts'
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

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const exportSchool = createRoute({
  method: 'get',
  path: '/api/admin/checks/export',
  summary: 'The school’s per-teacher counts and 教案检查 of a semester, .xlsx (office)',
  request: { query: z.object({ semester: z.string().min(1).max(40) }) },
  responses: {
    200: { description: '教案检查表', content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses(400, 401, 403),
  },
})

const listOwn = createRoute({
  method: 'get',
  path: '/api/me/checks',
  summary: 'One’s own 教案检查, newest semester first',
  responses: { 200: { description: '我的教案检查', content: jsonContent(z.array(planCheck)) }, ...errorResponses(401) },
})

export function checkRoutes(context: CheckExportContext) {
  const { store } = context
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()
  app.openapi(exportSchool, async (c) => {
    const { semester } = c.req.valid('query')
    const sheet = unwrap(await checkExport(context, c.var.auth.actor, semester))
    c.header('Content-Type', xlsxType)
    c.header('Content-Disposition', contentDisposition(`教案检查_${safeFileName(semester)}.xlsx`))
    return c.body(sheet as Uint8Array<ArrayBuffer>, 200)
  })
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
