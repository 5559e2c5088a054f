/**
 * Single sign-on through the school's OpenID Connect provider: `GET /api/auth/oidc` (is it offered),
 * `GET /api/auth/oidc/start` (to the provider) and `GET /api/auth/oidc/callback` (back, signed in).
 * The last two are browser navigations, so they answer with redirects: a failure lands on the login
 * page with its reason (`#/login?sso=<failure>`), never on a JSON error.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { deleteCookie, getSignedCookie, setSignedCookie } from 'hono/cookie'
import { ssoFailureParam, ssoStatus } from '../../../shared/api/sso.ts'
import type { SsoFailure } from '../../../shared/school/sso-rules.ts'
import type { SsoClient } from '../../auth/sso-client.ts'
import { type SsoFlow, ssoFlowTtlMs, SsoRefusal } from '../../auth/sso-flow.ts'
import { logger } from '../../log/logger.ts'
import { ssoAccount } from '../../school/sso-sign-in.ts'
import type { Store } from '../../store/store.ts'
import { notFound } from '../api-error.ts'
import { isHttps, type ProxyTrust, requestedHost } from '../client-request.ts'
import { jsonContent } from '../json-route.ts'
import { signIn } from '../session-cookie.ts'

const flowCookieName = 'gongbei_sso'
const flowCookiePath = '/api/auth/oidc'

const status = createRoute({
  method: 'get',
  path: '/api/auth/oidc',
  summary: 'Whether single sign-on (统一身份认证) is configured',
  responses: { 200: { description: '是否可用', content: jsonContent(ssoStatus) } },
})

const start = createRoute({
  method: 'get',
  path: '/api/auth/oidc/start',
  summary: 'Begin single sign-on: redirects to the school’s identity provider',
  responses: { 302: { description: '转到统一身份认证' }, 404: { description: '未配置统一身份认证' } },
})

const callback = createRoute({
  method: 'get',
  path: '/api/auth/oidc/callback',
  summary: 'The identity provider’s answer: signs in and redirects to the app, or to the login page with the reason',
  request: { query: z.object({}).passthrough() },
  responses: { 302: { description: '已登录，或回到登录页说明原因' }, 404: { description: '未配置统一身份认证' } },
})

/** Reached without a session: they are how one begins. */
export const publicSsoPaths = [status.path, start.path, callback.path]

export interface SsoRouteOptions {
  store: Pick<Store, 'accounts' | 'sessions'>
  /** Null when the environment configures no provider. */
  sso: SsoClient | null
  trust: ProxyTrust
}

export function ssoRoutes({ store, sso, trust }: SsoRouteOptions) {
  const app = new OpenAPIHono()

  app.openapi(status, (c) => c.json({ enabled: sso !== null }, 200))

  app.openapi(start, async (c) => {
    if (sso === null) throw notFound('未配置统一身份认证')
    try {
      const { url, flow } = await sso.begin(sso.settings.redirectUri ?? callbackUrl(c, trust))
      await setSignedCookie(c, flowCookieName, JSON.stringify(flow), sso.settings.cookieSecret, {
        httpOnly: true,
        // Lax: the provider's redirect back is a top-level navigation from another site, which Strict would strip.
        sameSite: 'Lax',
        path: flowCookiePath,
        secure: isHttps(c, trust),
        maxAge: ssoFlowTtlMs / 1000,
      })
      return c.redirect(url.href, 302)
    } catch (error) {
      return failed(c, error)
    }
  })

  app.openapi(callback, async (c) => {
    if (sso === null) throw notFound('未配置统一身份认证')
    const flow = await flowOf(c, sso.settings.cookieSecret)
    // One flow, one answer: a replayed callback finds no cookie.
    deleteCookie(c, flowCookieName, { path: flowCookiePath, secure: isHttps(c, trust) })
    try {
      // [SCHOOL-17] No flow of this browser, a forged or an expired one: this is not its sign-in.
      if (flow === null || flow.expiresAt <= Date.now()) throw new SsoRefusal('state')
      const claims = await sso.finish(flow, new URL(c.req.url).searchParams)
      const account = await ssoAccount(store, sso.settings, claims)
      await signIn(c, store, account.id, isHttps(c, trust))
      return c.redirect('/#/', 302)
    } catch (error) {
      return failed(c, error)
    }
  })

  return app
}

function callbackUrl(c: Context, trust: ProxyTrust): URL {
  const protocol = isHttps(c, trust) ? 'https' : 'http'
  return new URL(callback.path, `${protocol}://${requestedHost(c, trust) ?? new URL(c.req.url).host}`)
}

async function flowOf(c: Context, secret: string): Promise<SsoFlow | null> {
  const value = await getSignedCookie(c, secret, flowCookieName)
  if (typeof value !== 'string') return null
  try {
    const flow = JSON.parse(value) as Partial<SsoFlow>
    const complete =
      typeof flow.state === 'string' &&
      typeof flow.nonce === 'string' &&
      typeof flow.verifier === 'string' &&
      typeof flow.redirectUri === 'string' &&
      typeof flow.expiresAt === 'number'
    return complete ? (flow as SsoFlow) : null
  } catch {
    return null
  }
}

function failed(c: Context, error: unknown) {
  if (!(error instanceof SsoRefusal)) throw error
  const failure: SsoFailure = error.failure
  // The teacher reads the reason; whoever runs the server needs the provider's own words.
  if (failure === 'invalid' || failure === 'unavailable') {
    logger.warn({ err: error.cause ?? error, failure }, 'single sign-on failed')
  }
  return c.redirect(`/#/login?${ssoFailureParam}=${failure}`, 302)
}
