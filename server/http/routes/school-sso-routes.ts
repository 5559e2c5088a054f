/**
 * The office's single sign-on setting: `GET /api/admin/school/sso` and `PUT /api/admin/school/sso`
 * (whether a teacher the school's provider knows gets an account at first sign-in, [SCHOOL-16]).
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { schoolSsoChange, schoolSsoSettings } from '../../../shared/api/sso.ts'
import type { SsoSettings } from '../../auth/sso-settings.ts'
import { schoolSsoSettings as settingsOf, setSsoCreatesAccounts } from '../../school/sso-settings-views.ts'
import type { Store } from '../../store/store.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { unwrap } from './route-helpers.ts'

const readSettings = createRoute({
  method: 'get',
  path: '/api/admin/school/sso',
  summary: 'Whether single sign-on is configured for the school, and whether it creates accounts (office)',
  responses: {
    200: { description: '统一身份认证设置', content: jsonContent(schoolSsoSettings) },
    ...errorResponses(401, 403),
  },
})

const writeSettings = createRoute({
  method: 'put',
  path: '/api/admin/school/sso',
  summary: 'Let single sign-on create accounts for teachers it knows and we do not, or stop it (office)',
  request: { body: { content: jsonContent(schoolSsoChange), required: true } },
  responses: {
    200: { description: '已保存', content: jsonContent(schoolSsoSettings) },
    ...errorResponses(400, 401, 403),
  },
})

export function schoolSsoRoutes(store: Pick<Store, 'accounts'>, sso: Pick<SsoSettings, 'school'> | null) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()
  app.openapi(readSettings, async (c) => c.json(unwrap(await settingsOf(store, sso, c.var.auth.actor)), 200))
  app.openapi(writeSettings, async (c) => {
    const { createsAccounts } = c.req.valid('json')
    return c.json(unwrap(await setSsoCreatesAccounts(store, sso, c.var.auth.actor, createsAccounts)), 200)
  })
  return app
}
