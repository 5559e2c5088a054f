/** The little of oidc-provider (which ships no types) that the test identity provider uses. */
declare module 'oidc-provider' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  export interface ProviderAccount {
    accountId: string
    claims(): Record<string, unknown>
  }

  export interface ProviderConfiguration {
    clients: Record<string, unknown>[]
    findAccount(context: unknown, id: string): ProviderAccount | undefined
    claims?: Record<string, string[]>
    cookies?: { keys: string[] }
    features?: Record<string, { enabled: boolean }>
    pkce?: { required(): boolean }
    conformIdTokenClaims?: boolean
    ttl?: Record<string, number>
  }

  export default class Provider {
    constructor(issuer: string, configuration: ProviderConfiguration)
    callback(): (request: IncomingMessage, response: ServerResponse) => void
  }
}
