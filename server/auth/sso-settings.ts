/**
 * Single sign-on through the school's OpenID Connect provider, as the environment configures it
 * (README, *Single sign-on*). Absent unless `GONGBEI_OIDC_ISSUER` is set.
 */
import { randomBytes } from 'node:crypto'
import { z } from 'zod'

export interface SsoSettings {
  /** Where the provider's `/.well-known/openid-configuration` is. */
  issuer: URL
  clientId: string
  /** None for a public client: PKCE alone binds the code to this sign-in. */
  clientSecret: string | null
  scope: string
  /** The claim whose value is the account's username ([SCHOOL-15]). */
  usernameClaim: string
  /** The claim a created account takes its 姓名 from ([SCHOOL-16]). */
  nameClaim: string
  /** The callback registered at the provider; by default this server's `/api/auth/oidc/callback` as the browser reached it. */
  redirectUri: URL | null
  /** The name of the school sign-in belongs to; needed only when the server holds several. */
  school: string | null
  /** Signs the short-lived cookie carrying state, nonce and PKCE verifier; random per start unless shared. */
  cookieSecret: string
}

const url = z.string().url()

export const ssoEnvironment = z.object({
  GONGBEI_OIDC_ISSUER: url.optional(),
  GONGBEI_OIDC_CLIENT_ID: z.string().min(1).optional(),
  GONGBEI_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  GONGBEI_OIDC_SCOPE: z.string().min(1).default('openid profile'),
  GONGBEI_OIDC_USERNAME_CLAIM: z.string().min(1).default('preferred_username'),
  GONGBEI_OIDC_NAME_CLAIM: z.string().min(1).default('name'),
  GONGBEI_OIDC_REDIRECT_URI: url.optional(),
  GONGBEI_OIDC_SCHOOL: z.string().min(1).optional(),
  GONGBEI_OIDC_COOKIE_SECRET: z.string().min(32, 'at least 32 characters').optional(),
})

/** Null without an issuer; an issuer without a client id is a configuration error. */
export function ssoSettingsOf(env: z.infer<typeof ssoEnvironment>): SsoSettings | null {
  if (env.GONGBEI_OIDC_ISSUER === undefined) return null
  if (env.GONGBEI_OIDC_CLIENT_ID === undefined) {
    throw new Error('invalid configuration:\n  GONGBEI_OIDC_CLIENT_ID: required with GONGBEI_OIDC_ISSUER')
  }
  if (!env.GONGBEI_OIDC_SCOPE.split(' ').includes('openid')) {
    throw new Error('invalid configuration:\n  GONGBEI_OIDC_SCOPE: must include openid')
  }
  return {
    issuer: new URL(env.GONGBEI_OIDC_ISSUER),
    clientId: env.GONGBEI_OIDC_CLIENT_ID,
    clientSecret: env.GONGBEI_OIDC_CLIENT_SECRET ?? null,
    scope: env.GONGBEI_OIDC_SCOPE,
    usernameClaim: env.GONGBEI_OIDC_USERNAME_CLAIM,
    nameClaim: env.GONGBEI_OIDC_NAME_CLAIM,
    redirectUri: env.GONGBEI_OIDC_REDIRECT_URI === undefined ? null : new URL(env.GONGBEI_OIDC_REDIRECT_URI),
    school: env.GONGBEI_OIDC_SCHOOL ?? null,
    cookieSecret: env.GONGBEI_OIDC_COOKIE_SECRET ?? randomBytes(32).toString('base64url'),
  }
}
