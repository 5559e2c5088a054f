/**
 * A teacher's own account: `POST /api/me/password`, `GET /api/me/sessions` (where they are signed in),
 * `DELETE /api/me/sessions/{id}` and `POST /api/me/sessions/end-others` (sign out elsewhere).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { me } from '../../../shared/api.ts'
import { passwordChangeRequest, signedInSession } from '../../../shared/api/school.ts'
import {
  changeOwnPassword,
  endOtherSessions,
  endOwnSession,
  type OwnAccountContext,
  ownSessions,
} from '../../school/own-account.ts'
import type { Store } from '../../store/store.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { meOf } from './auth-routes.ts'
import { unwrap } from './route-helpers.ts'

const changePassword = createRoute({
  method: 'post',
  path: '/api/me/password',
  summary: 'Change one’s own password with the current one; signs out every other session',
  request: { body: { content: jsonContent(passwordChangeRequest), required: true } },
  responses: { 200: { description: '已修改', content: jsonContent(me) }, ...errorResponses(400, 401, 403) },
})

const listSessions = createRoute({
  method: 'get',
  path: '/api/me/sessions',
  summary: 'Where the signed-in user is signed in, newest first',
  responses: {
    200: { description: '登录设备', content: jsonContent(z.array(signedInSession)) },
    ...errorResponses(401),
  },
})

const endSession = createRoute({
  method: 'delete',
  path: '/api/me/sessions/{id}',
  summary: 'Sign out one session of one’s own',
  request: { params: z.object({ id: z.string().min(1) }) },
  responses: { 204: { description: '已退出' }, ...errorResponses(401, 404) },
})

const endOthers = createRoute({
  method: 'post',
  path: '/api/me/sessions/end-others',
  summary: 'Sign out everywhere but here',
  responses: {
    200: { description: '已退出', content: jsonContent(z.object({ ended: z.number() })) },
    ...errorResponses(401),
  },
})

export function ownAccountRoutes(
  context: OwnAccountContext & { store: Pick<Store, 'accounts' | 'audit' | 'groups' | 'sessions'> },
) {
  const { store } = context
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()
  app.openapi(changePassword, async (c) => {
    const { currentPassword, newPassword } = c.req.valid('json')
    unwrap(await changeOwnPassword(context, c.var.auth, currentPassword, newPassword))
    return c.json(await meOf(store, (await store.accounts.findAccount(c.var.auth.user.id))!), 200)
  })
  app.openapi(listSessions, async (c) => c.json(await ownSessions(store, c.var.auth), 200))
  app.openapi(endSession, async (c) => {
    unwrap(await endOwnSession(context, c.var.auth, c.req.valid('param').id))
    return c.body(null, 204)
  })
  app.openapi(endOthers, async (c) => c.json({ ended: await endOtherSessions(context, c.var.auth) }, 200))
  return app
}
