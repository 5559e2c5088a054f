/**
 * The office's pages (教导处): `/api/admin/accounts` (create, edit, disable, enable, reset a password),
 * `/api/admin/groups` (create, rename, subject, grade, leader, members) and `/api/admin/audit`. Anyone
 * else is refused with 403; accounts and groups of other schools are 404.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  account,
  accountChangeRequest,
  accountWithPassword,
  auditPage,
  auditQuery,
  groupChangeRequest,
  newAccountRequest,
  newGroupRequest,
  schoolGroup,
} from '../../../shared/api/school.ts'
import { auditPageFor } from '../../school/audit-views.ts'
import {
  changeAccount,
  createAccount,
  listAccountViews,
  normalizeNew,
  resetPassword,
  type SchoolContext,
  setDisabled,
} from '../../school/accounts.ts'
import { changeGroup, createGroup, listGroupViews } from '../../school/groups.ts'
import { ApiError } from '../api-error.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { unwrap } from './route-helpers.ts'

const idParams = z.object({ id: z.string().min(1) })

const listAccounts = createRoute({
  method: 'get',
  path: '/api/admin/accounts',
  summary: 'Every account of the school, disabled ones too (office)',
  responses: { 200: { description: '账号', content: jsonContent(z.array(account)) }, ...errorResponses(401, 403) },
})

const postAccount = createRoute({
  method: 'post',
  path: '/api/admin/accounts',
  summary: 'Create an account; without a password a one-time password is made and answered once (office)',
  request: { body: { content: jsonContent(newAccountRequest), required: true } },
  responses: {
    201: { description: '已创建', content: jsonContent(accountWithPassword) },
    ...errorResponses(400, 401, 403),
  },
})

const patchAccount = createRoute({
  method: 'patch',
  path: '/api/admin/accounts/{id}',
  summary: 'Change the name, role, groups or an expert’s end date (office)',
  request: { params: idParams, body: { content: jsonContent(accountChangeRequest), required: true } },
  responses: { 200: { description: '已修改', content: jsonContent(account) }, ...errorResponses(400, 401, 403, 404) },
})

const accountAction = (action: 'disable' | 'enable', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/admin/accounts/{id}/${action}`,
    summary,
    request: { params: idParams },
    responses: { 200: { description: '账号', content: jsonContent(account) }, ...errorResponses(401, 403, 404) },
  })

const disable = accountAction(
  'disable',
  'Disable an account: it cannot sign in and its sessions and open documents end (office)',
)
const enable = accountAction('enable', 'Enable a disabled account again (office)')

const reset = createRoute({
  method: 'post',
  path: '/api/admin/accounts/{id}/reset-password',
  summary: 'A one-time password, answered once, to be changed at the next sign-in (office)',
  request: { params: idParams },
  responses: {
    200: { description: '新的一次性密码', content: jsonContent(accountWithPassword) },
    ...errorResponses(401, 403, 404),
  },
})

const listGroups = createRoute({
  method: 'get',
  path: '/api/admin/groups',
  summary: 'The school’s groups with subject, grade, leader and members (office)',
  responses: {
    200: { description: '备课组', content: jsonContent(z.array(schoolGroup)) },
    ...errorResponses(401, 403),
  },
})

const postGroup = createRoute({
  method: 'post',
  path: '/api/admin/groups',
  summary: 'Create a group (office)',
  request: { body: { content: jsonContent(newGroupRequest), required: true } },
  responses: { 201: { description: '已创建', content: jsonContent(schoolGroup) }, ...errorResponses(400, 401, 403) },
})

const patchGroup = createRoute({
  method: 'patch',
  path: '/api/admin/groups/{id}',
  summary: 'Rename a group, set its subject, grade, leader or members (office)',
  request: { params: idParams, body: { content: jsonContent(groupChangeRequest), required: true } },
  responses: {
    200: { description: '已修改', content: jsonContent(schoolGroup) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const readAudit = createRoute({
  method: 'get',
  path: '/api/admin/audit',
  summary: 'The audit log, newest first, a page at a time (office)',
  request: { query: auditQuery },
  responses: { 200: { description: '操作记录', content: jsonContent(auditPage) }, ...errorResponses(400, 401, 403) },
})

export function schoolAdminRoutes(context: SchoolContext) {
  const { store } = context
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  app.openapi(listAccounts, async (c) => c.json(unwrap(await listAccountViews(store, c.var.auth.actor)), 200))
  app.openapi(postAccount, async (c) => {
    const created = unwrap(await createAccount(context, c.var.auth.actor, normalizeNew(c.req.valid('json'))))
    return c.json(created, 201)
  })
  app.openapi(patchAccount, async (c) => {
    const changed = await changeAccount(context, c.var.auth.actor, c.req.valid('param').id, c.req.valid('json'))
    return c.json(unwrap(changed), 200)
  })
  app.openapi(disable, async (c) =>
    c.json(unwrap(await setDisabled(context, c.var.auth.actor, c.req.valid('param').id, true)), 200),
  )
  app.openapi(enable, async (c) =>
    c.json(unwrap(await setDisabled(context, c.var.auth.actor, c.req.valid('param').id, false)), 200),
  )
  app.openapi(reset, async (c) =>
    c.json(unwrap(await resetPassword(context, c.var.auth.actor, c.req.valid('param').id)), 200),
  )

  app.openapi(listGroups, async (c) => c.json(unwrap(await listGroupViews(store, c.var.auth.actor)), 200))
  app.openapi(postGroup, async (c) => {
    const { name, subject, grade } = c.req.valid('json')
    return c.json(unwrap(await createGroup(context, c.var.auth.actor, { name, subject, grade })), 201)
  })
  app.openapi(patchGroup, async (c) => {
    const changed = await changeGroup(context, c.var.auth.actor, c.req.valid('param').id, c.req.valid('json'))
    return c.json(unwrap(changed), 200)
  })

  app.openapi(readAudit, async (c) => {
    const { before, beforeId } = c.req.valid('query')
    if ((before === undefined) !== (beforeId === undefined)) {
      throw new ApiError(400, 'invalid_request', 'before 与 beforeId 要一起给出：上一页最后一条记录的时间和编号')
    }
    const after = before && beforeId ? { at: new Date(before), id: beforeId } : null
    return c.json(unwrap(await auditPageFor(store, c.var.auth.actor, after)), 200)
  })
  return app
}
