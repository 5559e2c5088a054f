/**
 * The school's OpenID Connect provider, spoken to through openid-client: authorization code with PKCE,
 * state and nonce. The provider's metadata is discovered on first use, and again after a failure, so a
 * server started while the provider was down needs no restart.
 */
import * as oidc from 'openid-client'
import { type SsoFlow, ssoFlowTtlMs, SsoRefusal } from './sso-flow.ts'
import type { SsoSettings } from './sso-settings.ts'

export class SsoClient {
  private configuration: Promise<oidc.Configuration> | null = null

  constructor(readonly settings: SsoSettings) {}

  /** Where to send the browser, and what its return must match. */
  async begin(redirectUri: URL, now = Date.now()): Promise<{ url: URL; flow: SsoFlow }> {
    const configuration = await this.discover()
    const verifier = oidc.randomPKCECodeVerifier()
    const state = oidc.randomState()
    const nonce = oidc.randomNonce()
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri.href,
      scope: this.settings.scope,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    })
    return { url, flow: { state, nonce, verifier, redirectUri: redirectUri.href, expiresAt: now + ssoFlowTtlMs } }
  }

  /**
   * The verified claims of the person the provider sent back: the ID token's, completed from the
   * userinfo endpoint when the configured claims are not in it (many providers keep profile claims
   * there). Throws `SsoRefusal`.
   */
  async finish(flow: SsoFlow, callback: URLSearchParams): Promise<Record<string, unknown>> {
    // Checked here too, before any request: a mismatch is someone else's sign-in, not a provider failure.
    if (callback.get('state') !== flow.state) throw new SsoRefusal('state')
    if (callback.has('error')) throw new SsoRefusal('denied', callback.get('error'))
    const configuration = await this.discover()
    const current = new URL(flow.redirectUri)
    for (const [key, value] of callback) current.searchParams.append(key, value)
    try {
      const tokens = await oidc.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: flow.verifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      })
      const claims = tokens.claims()
      if (claims === undefined) throw new SsoRefusal('invalid')
      const { usernameClaim, nameClaim } = this.settings
      if (claims[usernameClaim] !== undefined && claims[nameClaim] !== undefined) return claims
      const userInfo = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub)
      return { ...userInfo, ...claims }
    } catch (error) {
      throw refusalOf(error)
    }
  }

  private discover(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings
    this.configuration ??= oidc
      .discovery(
        issuer,
        clientId,
        undefined,
        clientSecret === null ? oidc.None() : oidc.ClientSecretBasic(clientSecret),
        // Plain http only to a provider on this machine (a test's, or one behind the same host).
        { execute: isLoopback(issuer) ? [oidc.allowInsecureRequests] : [], timeout: 10 },
      )
      .catch((error: unknown) => {
        this.configuration = null
        throw new SsoRefusal('unavailable', error)
      })
    return this.configuration
  }
}

function isLoopback(url: URL): boolean {
  return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
}

function refusalOf(error: unknown): SsoRefusal {
  if (error instanceof SsoRefusal) return error
  if (error instanceof oidc.AuthorizationResponseError) return new SsoRefusal('denied', error)
  return new SsoRefusal(unreachable(error) ? 'unavailable' : 'invalid', error)
}

/** fetch reports a provider it cannot reach as a TypeError, possibly wrapped by the library. */
function unreachable(error: unknown): boolean {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof TypeError && cause.message === 'fetch failed') return true
    if (cause.name === 'TimeoutError' || cause.name === 'AbortError') return true
  }
  return false
}
