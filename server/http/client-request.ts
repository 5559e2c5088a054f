/**
 * What the server may believe about where a request came from. Behind a TLS proxy
 * (`GONGBEI_TRUST_PROXY=1`) the proxy's `X-Forwarded-Proto`, `X-Forwarded-For` and `X-Forwarded-Host`
 * are taken as true; without it they are ignored, since any client could send them.
 */
import type { Context } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'

export interface ProxyTrust {
  /** One reverse proxy in front of the server sets the `X-Forwarded-*` headers. */
  trustProxy: boolean
}

/** Whether the browser reached us over https (directly, or through the trusted proxy). */
export function isHttps(c: Context, { trustProxy }: ProxyTrust): boolean {
  if (new URL(c.req.url).protocol === 'https:') return true
  return trustProxy && lastForwarded(c.req.header('x-forwarded-proto'))?.toLowerCase() === 'https'
}

/** The address of the client; the proxy's own entry is the last one of `X-Forwarded-For`. */
export function clientAddress(c: Context, { trustProxy }: ProxyTrust): string {
  const forwarded = trustProxy ? lastForwarded(c.req.header('x-forwarded-for')) : undefined
  if (forwarded) return forwarded
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // Requests made in-process (app.request in tests) have no socket.
    return 'unknown'
  }
}

/** The host the browser asked for. */
export function requestedHost(c: Context, { trustProxy }: ProxyTrust): string | undefined {
  return (trustProxy ? lastForwarded(c.req.header('x-forwarded-host')) : undefined) ?? c.req.header('host')
}

function lastForwarded(header: string | undefined): string | undefined {
  const value = header?.split(',').at(-1)?.trim()
  return value ? value : undefined
}
