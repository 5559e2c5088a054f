/**
 * What a single sign-on passes between its steps, apart from the provider's client: the sign-in's own
 * state and its refusals. Kept out of `sso-client.ts`, so a server without single sign-on never loads
 * openid-client.
 */
import type { SsoFailure } from '../../shared/school/sso-rules.ts'

/** What one sign-in must present on its way back: kept in a signed cookie of the browser that began it. */
export interface SsoFlow {
  state: string
  nonce: string
  verifier: string
  redirectUri: string
  /** Milliseconds since the epoch; a sign-in takes minutes, not hours. */
  expiresAt: number
}

export const ssoFlowTtlMs = 10 * 60_000

export class SsoRefusal extends Error {
  constructor(
    readonly failure: SsoFailure,
    cause?: unknown,
  ) {
    super(`single sign-on refused: ${failure}`, { cause })
  }
}
