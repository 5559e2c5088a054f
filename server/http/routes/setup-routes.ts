/**
 * The first-run page's API: `GET /api/setup` says whether the database still has no account, and
 * `POST /api/setup` creates the school and its first 教导处 account with the one-time token printed at
 * start-up, then signs that account in ([SCHOOL-1]).
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { loginResponse } from '../../../shared/api.ts'
import { setupRequest, setupStatus } from '../../../shared/api/school.ts'
import { createFirstAccount, firstAccountProblem } from '../../school/first-account.ts'
import { FirstRunGateAway, type FirstRunTokenGate, type GateAnswer } from '../../school/first-run-gate.ts'
import type { Store } from '../../store/store.ts'
import { ApiError, forbidden } from '../api-error.ts'
import { isHttps, type ProxyTrust } from '../client-request.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { signIn } from '../session-cookie.ts'
import { meOf } from './auth-routes.ts'

const status = createRoute({
  method: 'get',
  path: '/api/setup',
  summary: 'Whether the first-run page can still create the school',
  responses: { 200: { description: '是否需要创建学校', content: jsonContent(setupStatus) } },
})

const setup = createRoute({
  method: 'post',
  path: '/api/setup',
  summary: 'Create the school and its first 教导处 account with the one-time token; signs it in',
  request: { body: { content: jsonContent(setupRequest), required: true } },
  responses: {
    200: { description: '已创建并登录', content: jsonContent(loginResponse) },
    ...errorResponses(400, 403, 503),
  },
})

/** Open without a session: nobody has an account yet. */
export const publicSetupPaths = ['/api/setup']

const alreadySetUp = '学校已经创建好了，请用已有的账号登录'

export function setupRoutes(
  store: Pick<Store, 'accounts' | 'groups' | 'sessions'>,
  gate: FirstRunTokenGate,
  trust: ProxyTrust,
) {
  const app = new OpenAPIHono()

  app.openapi(status, async (c) => c.json({ needed: (await store.accounts.countUsers()) === 0 }, 200))

  app.openapi(setup, async (c) => {
    const request = c.req.valid('json')
    const { token } = request
    const problem = firstAccountProblem(request)
    // Checked before the token is taken, so a typo does not use it up.
    if (problem !== null) throw new ApiError(400, 'invalid_request', problem)
    const answer = await takeToken(gate, token)
    if (answer === 'closed') throw forbidden(alreadySetUp)
    if (answer === 'wrongToken') throw forbidden('一次性口令不正确，请用服务器启动时显示的口令')
    let created: Awaited<ReturnType<typeof createFirstAccount>>
    try {
      // Someone may have run create-admin meanwhile: then the school exists and the page is done.
      if ((await store.accounts.countUsers()) > 0) throw forbidden(alreadySetUp)
      created = await createFirstAccount(store, request)
    } catch (error) {
      if (!(error instanceof ApiError)) await giveBack(gate, token)
      throw error
    }
    if (!created.ok) {
      await giveBack(gate, token)
      throw new ApiError(400, 'invalid_request', created.message)
    }
    await signIn(c, store, created.account.id, isHttps(c, trust))
    return c.json({ user: await meOf(store, created.account) }, 200)
  })

  return app
}

function refuseWhileAway(error: unknown): never {
  if (error instanceof FirstRunGateAway)
    throw new ApiError(
      503,
      'service_unavailable',
      '服务器暂时连不上 Redis，请稍后再试；也可以在服务器上运行 npm run create-admin 创建学校',
    )
  throw error
}

async function takeToken(gate: FirstRunTokenGate, token: string): Promise<GateAnswer> {
  try {
    return await gate.take(token)
  } catch (error) {
    return refuseWhileAway(error)
  }
}

async function giveBack(gate: FirstRunTokenGate, token: string): Promise<void> {
  try {
    await gate.giveBack(token)
  } catch (error) {
    refuseWhileAway(error)
  }
}
