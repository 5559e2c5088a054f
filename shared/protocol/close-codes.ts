/**
 * WebSocket close codes used on `/collab/<documentId>`.
 * 4400–4499: the request itself is wrong; reconnecting would fail the same way, so clients stop.
 * 4500–4599: the server could not serve it right now; clients reconnect with back-off.
 */
import { limits } from '../limits.ts'

export const CloseCode = {
  /** A frame that is not a valid y-websocket message or Yjs update. */
  protocolError: 4400,
  unauthorized: 4401,
  forbidden: 4403,
  documentNotFound: 4404,
  /** The client was built against another editor schema version. */
  schemaMismatch: 4409,
  /** Accepting the update would make the document larger than `limits.maxDocumentBytes`. */
  documentTooLarge: 4413,
  /**
   * Awareness beyond `limits.maxAwarenessClientsPerConnection` client ids or a state larger than
   * `limits.maxAwarenessStateBytes`: no editor sends that, so reconnecting would not help.
   */
  awarenessTooLarge: 4414,
  /**
   * An update that deletes in more places than `limits.maxDeleteRangesPerUpdate` (BOUNDS-14): refused
   * unread, since decoding it would hold the server; the same update would be refused again.
   */
  tooManyDeletions: 4415,
  /** The stored document could not be loaded; it is never served empty instead. */
  documentUnavailable: 4500,
  /** Storing an update failed; the update was not relayed. */
  storageFailed: 4501,
  /** More bytes arrived while the document was loading than `limits.maxPendingBytesWhileLoading`. */
  tooMuchWhileLoading: 4504,
  /** The client did not read fast enough and too much was queued for it; it reconnects and resyncs. */
  tooSlow: 4502,
  serverShuttingDown: 4503,
  /**
   * More updates waited for what they build on than `limits.maxHeld…` allow. The client reconnects, and
   * its sync step 2 brings those updates together with what they need.
   */
  tooManyWaiting: 4505,
  /**
   * Too many frames or bytes from this connection or this user, or too many of the user's connections
   * (`limits.maxFramesPerSecond` and the rest, docs/BOUNDS.md). Nothing of it was lost: what the server
   * did not store, the client sends again when it syncs. Clients wait before reconnecting, as long as
   * the reason says (`retryPauseMs`): the server refuses the user's connections until then (BOUNDS-11).
   */
  rateLimited: 4529,
  /** The office changed the user's role or groups: reconnecting decides the document's access anew. */
  accessChanged: 4506,
  /**
   * The database does not answer, so nothing new can be stored: the server takes no edits rather than
   * pretend to keep them (docs/ARCHITECTURE.md, SCALE-6). The client keeps its changes and sends them
   * again when it reconnects, after a pause.
   */
  storageUnavailable: 4507,
} as const

export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]

/** `ws` closes with 1009 by itself when a frame exceeds `maxPayload`. */
export const wsMessageTooBig = 1009

export function shouldReconnect(code: number): boolean {
  return !(code >= 4400 && code < 4500) && code !== wsMessageTooBig
}

const retryAfterPattern = /retry after (\d+) ms/

/**
 * The reason of a `rateLimited` close: what was too much, and how long the server refuses the user's
 * connections from now (BOUNDS-11), which the client reads with `retryPauseMs`.
 */
export function rateLimitedReason(what: string, retryAfterMs: number): string {
  return `${what}, retry after ${Math.ceil(retryAfterMs)} ms`
}

/**
 * How long a client waits before reconnecting after `code`, at least: the provider's own back-off
 * (a fraction of a second after a connection that had synced) would let a client that was cut off for
 * sending too much come straight back with the same. After `rateLimited` that is the server's refusal
 * said in `reason`, never less than the first pause nor more than the longest.
 */
export function retryPauseMs(code: number, reason = ''): number {
  if (code === CloseCode.storageUnavailable) return 2_000
  if (code !== CloseCode.rateLimited) return 0
  return Math.min(limits.maxRateLimitCooldownMs, Math.max(limits.rateLimitCooldownMs, retryAfterMs(reason)))
}

/** The pause a `rateLimited` close's reason names, as the server said it; 0 when it names none. */
export function retryAfterMs(reason: string): number {
  return Number(retryAfterPattern.exec(reason)?.[1] ?? 0)
}
