/** `POST /api/auth/login`, `POST /api/auth/logout`, `GET /api/me`, `POST /api/auth/ws-token`. */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { deleteCookie, getCookie } from 'hono/cookie'
import { loginRequest, loginResponse, me, type Me, wsToken } from '../../../shared/api.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { signInRefusal } from '../../../shared/school/account-rules.ts'
import type { SignInThrottle } from '../../auth/login-throttle.ts'
import { passwordCheckWithoutUser, verifyPassword } from '../../auth/passwords.ts'
import { endSession, hashToken, sessionCookieName, startSession } from '../../auth/sessions.ts'
import type { RoomRegistry } from '../../collab/room-registry.ts'
import type { AccountRecord, Store } from '../../store/store.ts'
import { ApiError, forbidden } from '../api-error.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { clientAddress, isHttps, type ProxyTrust } from '../client-request.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { signIn } from '../session-cookie.ts'

const login = createRoute({
  method: 'post',
  path: '/api/auth/login',
  summary: 'Sign in; sets the session cookie',
  request: { body: { content: jsonContent(loginRequest), required: true } },
  responses: {
    200: { description: '已登录', content: jsonContent(loginResponse) },
    ...errorResponses(400, 401, 403, 415, 429),
  },
})

const logout = createRoute({
  method: 'post',
  path: '/api/auth/logout',
  summary: 'Sign out; ends the session',
  responses: { 204: { description: '已退出' } },
})

const currentUser = createRoute({
  method: 'get',
  path: '/api/me',
  summary: 'The signed-in user',
  responses: { 200: { description: '当前用户', content: jsonContent(me) }, ...errorResponses(401) },
})

const issueWsToken = createRoute({
  method: 'post',
  path: '/api/auth/ws-token',
  summary: 'A short-lived token for non-browser clients, accepted as ?token= on /collab/…',
  responses: { 200: { description: '令牌', content: jsonContent(wsToken) }, ...errorResponses(401) },
})

export interface AuthRouteOptions {
  store: Pick<Store, 'accounts' | 'groups' | 'sessions'>
  /** Open documents: signing out closes those this browser had open. */
  registry: Pick<RoomRegistry, 'closeConnectionsOf'>
  throttle: SignInThrottle
  trust: ProxyTrust
}

/** Signing in and out needs no session. */
export const publicAuthPaths = [login.path, logout.path]

export function authRoutes({ store, registry, throttle, trust }: AuthRouteOptions) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()
  const checkWithoutUser = passwordCheckWithoutUser()

  app.openapi(login, async (c) => {
    const { username, password } = c.req.valid('json')
    const address = clientAddress(c, trust)
    const waitMs = await throttle.retryAfterMs(username, address)
    if (waitMs > 0) {
      c.header('Retry-After', String(Math.ceil(waitMs / 1000)))
      throw new ApiError(429, 'too_many_requests', `登录失败次数过多，请 ${Math.ceil(waitMs / 60_000)} 分钟后再试`)
    }
    const user = await store.accounts.findUserByUsername(username)
    const valid = user ? await verifyPassword(password, user.passwordHash) : await checkWithoutUser(password)
    if (!user || !valid) {
      await throttle.failed(username, address)
      throw new ApiError(401, 'unauthorized', '用户名或密码不正确')
    }
    await throttle.succeeded(username)
    const account = await store.accounts.findAccount(user.id)
    if (!account) throw new ApiError(401, 'unauthorized', '用户名或密码不正确')
    // [SCHOOL-3] Told only to whoever knows the password: a guesser learns nothing about the account.
    const refusal = signInRefusal(account, new Date())
    if (refusal !== null) throw forbidden(refusal)
    await signIn(c, store, account.id, isHttps(c, trust))
    return c.json({ user: await meOf(store, account) }, 200)
  })

  app.openapi(logout, async (c) => {
    const token = getCookie(c, sessionCookieName)
    if (token) {
      const tokenHash = hashToken(token)
      const session = await store.sessions.findSession(tokenHash, new Date())
      await endSession(store, token)
      // The documents this browser had open stop with the session, not at their next request.
      if (session) {
        registry.closeConnectionsOf(session.userId, CloseCode.unauthorized, 'signed out', (hash) => hash === tokenHash)
      }
    }
    deleteCookie(c, sessionCookieName, { path: '/', secure: isHttps(c, trust) })
    return c.body(null, 204)
  })

  app.openapi(currentUser, async (c) => c.json(await meOf(store, c.var.auth.user), 200))

  app.openapi(issueWsToken, async (c) => {
    const { token, expiresAt } = await startSession(store, c.var.auth.user.id, 'ws')
    return c.json({ token, expiresAt: expiresAt.toISOString() }, 200)
  })

  return app
}

export async function meOf(store: Pick<Store, 'groups'>, user: AccountRecord): Promise<Me> {
  const groupIds = new Set(await store.groups.groupIdsOfUser(user.id))
  const groups = (await store.groups.listGroups(user.schoolId)).filter((group) => groupIds.has(group.id))
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    color: user.color,
    schoolId: user.schoolId,
    groups: groups.map(({ id, name }) => ({ id, name })),
    mustChangePassword: user.mustChangePassword,
  }
}
