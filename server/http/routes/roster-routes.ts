/**
 * The staff roster (教职工名单, office only): `POST /api/admin/roster` reads an uploaded .xlsx or .csv
 * (multipart, field `file`) and answers every row's result; with `?dryRun=1` it only checks. A sheet
 * with errors is answered 422 with the same rows, nothing written. `GET /api/admin/roster/template` is
 * the template to fill; `POST /api/admin/roster/password-sheet` turns the one-time passwords an import
 * answered into a sheet to hand out (they are not kept, so the office sends them back to get it).
 * Anyone but the office is refused before the body is read; uploads have their own size limit.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { passwordSheetRequest, rosterFileField, rosterQuery, rosterResult } from '../../../shared/api/roster.ts'
import { maxRosterBytes } from '../../../shared/school/roster-rules.ts'
import contentDisposition from 'content-disposition'
import type { SchoolContext } from '../../school/accounts.ts'
import { RosterFileRefusal } from '../../school/roster-file.ts'
import { importRoster } from '../../school/roster-import.ts'
import { passwordSheet, rosterTemplate } from '../../school/roster-sheets.ts'
import { ApiError, errorResponse, forbidden } from '../api-error.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { honoPath, refusalError } from './route-helpers.ts'

/** Room for the multipart envelope around the file. */
const envelopeBytes = 64 * 1024
/** A password sheet request of the largest roster: a few hundred KB of JSON. */
const maxPasswordSheetBytes = 2 * 1024 * 1024
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

const rosterFile = z
  .instanceof(File, { message: '请选择要导入的名单（.xlsx 或 .csv）' })
  .openapi({ type: 'string', format: 'binary' })

const postRoster = createRoute({
  method: 'post',
  path: '/api/admin/roster',
  summary:
    'Import the staff roster from .xlsx or .csv: accounts created or updated by username, groups created (office)',
  request: {
    query: rosterQuery,
    body: {
      required: true,
      content: { 'multipart/form-data': { schema: z.object({ [rosterFileField]: rosterFile }) } },
    },
  },
  responses: {
    200: { description: '每一行的结果（预览或已导入）', content: jsonContent(rosterResult) },
    422: { description: '名单有错误的行，什么也没有写入', content: jsonContent(rosterResult) },
    ...errorResponses(400, 401, 403, 413),
  },
})

const getTemplate = createRoute({
  method: 'get',
  path: '/api/admin/roster/template',
  summary: 'The roster template to fill in, .xlsx (office)',
  responses: {
    200: {
      description: '教职工名单模板',
      content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } },
    },
    ...errorResponses(401, 403),
  },
})

const postPasswordSheet = createRoute({
  method: 'post',
  path: '/api/admin/roster/password-sheet',
  summary: 'The one-time passwords an import answered, as an .xlsx to hand out (office)',
  request: { body: { required: true, content: jsonContent(passwordSheetRequest) } },
  responses: {
    200: { description: '初始密码表', content: { [xlsxType]: { schema: z.string().openapi({ format: 'binary' }) } } },
    ...errorResponses(400, 401, 403, 413),
  },
})

const bodyPaths: readonly string[] = [postRoster.path, postPasswordSheet.path]

/** Paths with their own body limit: the API-wide JSON limit does not apply to them. */
export function isRosterPath(path: string): boolean {
  return bodyPaths.includes(path)
}

const officeOnly: MiddlewareHandler<{ Variables: AuthVariables }> = async (c, next) => {
  if (c.var.auth.actor.role !== 'admin') return errorResponse(c, forbidden('只有教导处可以导入教职工名单'))
  return next()
}

const limitBody = (maxSize: number, message: string) =>
  bodyLimit({
    maxSize,
    onError: (c) => {
      c.header('Connection', 'close')
      return errorResponse(c, new ApiError(413, 'payload_too_large', message))
    },
  })

export function rosterRoutes(context: SchoolContext) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()
  for (const route of [postRoster, getTemplate, postPasswordSheet]) app.use(honoPath(route.path), officeOnly)
  const tooLarge = `名单文件不能超过 ${maxRosterBytes / 1024 / 1024} MB`
  app.use(honoPath(postRoster.path), limitBody(maxRosterBytes + envelopeBytes, tooLarge))
  app.use(honoPath(postPasswordSheet.path), limitBody(maxPasswordSheetBytes, '请求内容过大'))

  app.openapi(postRoster, async (c) => {
    const file = c.req.valid('form')[rosterFileField]
    if (file.size > maxRosterBytes) throw new ApiError(413, 'payload_too_large', tooLarge)
    const dryRun = ['1', 'true'].includes(c.req.valid('query').dryRun ?? '0')
    let outcome
    try {
      outcome = await importRoster(
        context,
        c.var.auth.actor,
        { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name },
        dryRun,
      )
    } catch (error) {
      if (error instanceof RosterFileRefusal)
        throw new ApiError(error.code === 'payload_too_large' ? 413 : 400, error.code, error.message)
      throw error
    }
    if (!outcome.ok) throw refusalError(outcome)
    const { result, written } = outcome.value
    return c.json(result, !dryRun && !written ? 422 : 200)
  })

  app.openapi(getTemplate, async (c) => {
    c.header('Content-Type', xlsxType)
    c.header('Content-Disposition', contentDisposition('教职工名单模板.xlsx'))
    return c.body((await rosterTemplate()) as Uint8Array<ArrayBuffer>, 200)
  })

  app.openapi(postPasswordSheet, async (c) => {
    c.header('Content-Type', xlsxType)
    c.header('Content-Disposition', contentDisposition('初始密码.xlsx'))
    return c.body((await passwordSheet(c.req.valid('json').passwords)) as Uint8Array<ArrayBuffer>, 200)
  })
  return app
}
