/**
 * A real OpenID Connect provider on port 0 (oidc-provider with its development sign-in pages), for
 * single sign-on tests: its people sign in with any password, and it knows one client, ours.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider from 'oidc-provider'
import type { SsoSettings } from '../../server/auth/sso-settings.ts'

export interface IdentityProvider {
  issuer: string
  clientId: string
  clientSecret: string
  /** Registers the client's callback once its server is listening (the provider needs it to start). */
  register(redirectUri: string): void
  stop(): Promise<void>
}

/** `people`: each login name with the claims the provider tells about it. */
export async function startIdentityProvider(
  people: Record<string, Record<string, unknown>>,
  options: { conformIdTokenClaims?: boolean } = {},
): Promise<IdentityProvider> {
  let handle: ((request: IncomingMessage, response: ServerResponse) => void) | null = null
  const server = createServer((request, response) => {
    if (handle) return handle(request, response)
    response.writeHead(503).end('provider not ready')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const clientId = 'gongbei'
  const clientSecret = 'a-test-secret-of-the-gongbei-client'
  return {
    issuer,
    clientId,
    clientSecret,
    register(redirectUri) {
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: [redirectUri],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        findAccount: (_context, id) =>
          people[id] ? { accountId: id, claims: () => ({ sub: id, ...people[id] }) } : undefined,
        claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
        cookies: { keys: ['a-test-cookie-key'] },
        // Set, so the provider does not print a notice for each default it falls back to.
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
        pkce: { required: () => true },
        // By default profile claims reach the client through userinfo only; false puts them in the ID token.
        conformIdTokenClaims: options.conformIdTokenClaims ?? true,
      })
      handle = provider.callback()
    },
    stop() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

/** The server's settings for signing in through `provider`, by its `preferred_username` and `name` claims. */
export function ssoSettingsFor(provider: IdentityProvider): SsoSettings {
  return {
    issuer: new URL(provider.issuer),
    clientId: provider.clientId,
    clientSecret: provider.clientSecret,
    scope: 'openid profile',
    usernameClaim: 'preferred_username',
    nameClaim: 'name',
    redirectUri: null,
    school: null,
    cookieSecret: 'a-cookie-secret-of-at-least-32-characters',
  }
}
