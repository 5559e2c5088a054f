/**
 * The id that ties a request's or a connection's log lines together. A proxy in front may pass its own
 * in `X-Request-Id`; it is kept if it is short and plain, otherwise a new one is made.
 */
import { randomUUID } from 'node:crypto'

export const requestIdHeader = 'X-Request-Id'

const plainId = /^[\w=-]{1,200}$/

export function requestIdFrom(header: string | string[] | undefined | null): string {
  const given = Array.isArray(header) ? header[0] : header
  return given != null && plainId.test(given) ? given : randomUUID()
}
