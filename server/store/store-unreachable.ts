/**
 * Whether a store call failed because the database did not answer (down, restarting, network cut),
 * rather than because of what was asked. Such a failure passes: the client is told to retry later
 * (SCALE-6), and nothing it sent is dropped in silence.
 */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE'])

/** PostgreSQL's SQLSTATE classes for a lost connection (08) and a server shutting down (57P01–57P03). */
const unreachableStates = /^(08|57P0[123])/

const unreachableMessages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/

export function isStoreUnreachable(error: unknown): boolean {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 5; cause = cause.cause, depth++) {
    const code = (cause as { code?: unknown }).code
    if (typeof code === 'string' && (networkCodes.has(code) || unreachableStates.test(code))) return true
    if (unreachableMessages.test(cause.message)) return true
  }
  return false
}
