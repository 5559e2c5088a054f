/**
 * Authenticates a WebSocket upgrade on `/collab/<documentId>` before accepting it, then wires the
 * socket to its room. Without valid credentials the answer is a plain HTTP 401 before any upgrade.
 * A signed-in user who may not open the document, or asks for one that does not exist, is upgraded and
 * closed at once with 4403/4404: browsers cannot read the status of a refused upgrade, only a close code.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { type WebSocket, WebSocketServer } from 'ws'
import { parse as parseCookies } from 'hono/utils/cookie'
import { limits } from '../../shared/limits.ts'
import { CloseCode, rateLimitedReason } from '../../shared/protocol/close-codes.ts'
import { collabPathPrefix, ConnectParam } from '../../shared/protocol/messages.ts'
import { editorSchemaVersion } from '../../shared/schema/editor-schema.ts'
import { isThreadModerator } from '../../shared/threads/thread-rules.ts'
import { documentAccess } from '../../shared/workflow/document-access.ts'
import { readOnlyReason } from '../../shared/workflow/read-only-reason.ts'
import { type Authenticated, authenticate, sessionCookieName } from '../auth/sessions.ts'
import { type Logger, logger } from '../log/logger.ts'
import { requestIdFrom, requestIdHeader } from '../log/request-id.ts'
import type { CollabMetrics } from '../metrics.ts'
import type { PresenceLog } from '../presence/presence-log.ts'
import type { Store } from '../store/store.ts'
import { isStoreUnreachable } from '../store/store-unreachable.ts'
import { documentContextOf, latestVersionNumber } from '../workflow/document-context.ts'
import { Connection } from './connection.ts'
import { startHeartbeat } from './heartbeat.ts'
import { corkUntilEndOfTurn } from './turn-cork.ts'
import type { Room } from './room.ts'
import type { RoomRegistry } from './room-registry.ts'
import { FairTurns } from './fair-turns.ts'
import { deleteRangesOfFrame } from './incoming-message.ts'
import { connectionRates, Cooldowns, FrameBudget, UserLimits, type UserPauses } from './rate-limit.ts'

export interface UpgradeContext {
  store: Pick<Store, 'accounts' | 'documents' | 'groups' | 'lessons' | 'mentorships' | 'sessions' | 'versions'>
  registry: RoomRegistry
  metrics: CollabMetrics
  presence: PresenceLog
  /** Connections and frames per user, across documents; the limits of `shared/limits.ts` by default. */
  userLimits?: UserLimits
  /** Users cut off for sending too much, refused until their pause is over (BOUNDS-11). */
  cooldowns?: UserPauses
}

/**
 * Frames of one connection read in one turn of the event loop before the others' (BOUNDS-12): more
 * than a typist or a reconnect sends at once, a small part of a flood's burst.
 */
const framesPerTurn = 16

export function createUpgradeHandler(context: UpgradeContext) {
  const userLimits = context.userLimits ?? new UserLimits()
  const cooldowns = context.cooldowns ?? new Cooldowns()
  const turns = new FairTurns<Connection>(framesPerTurn)
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxFrameBytes })
  const handler = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    // Without a listener, a reset during authentication would crash the process.
    socket.on('error', () => socket.destroy())
    const connectionId = requestIdFrom(request.headers[requestIdHeader.toLowerCase()])
    admit(context, cooldowns, request).then(
      (admission) => {
        if ('status' in admission) {
          logger.info({ connectionId, status: admission.status, reason: admission.message }, 'upgrade refused')
          return refuse(socket, admission.status, admission.message)
        }
        wss.handleUpgrade(request, socket, head, (ws) => {
          wss.emit('connection', ws, request)
          if ('closeWith' in admission) return ws.close(admission.closeWith.code, admission.closeWith.reason)
          attach(context, ws, socket, admission, { userLimits, cooldowns, turns }, connectionId)
        })
      },
      (error: unknown) => {
        logger.error({ err: error, connectionId }, 'upgrade failed')
        if (!isStoreUnreachable(error)) return refuse(socket, 500, 'internal error')
        // Browsers cannot read a refused upgrade's status; the close code tells the editor to wait and retry.
        wss.handleUpgrade(request, socket, head, (ws) => ws.close(CloseCode.storageUnavailable, 'database unavailable'))
      },
    )
  }
  const stopHeartbeat = startHeartbeat(wss)
  return {
    handler,
    close() {
      stopHeartbeat()
      wss.close()
    },
  }
}

interface Admission {
  documentId: string
  connection: (ws: WebSocket, socket: Duplex) => Connection
  schemaVersion: number | null
}

type Refusal = { status: 401 | 403 | 404; message: string }
type Rejection = { closeWith: { code: number; reason: string } }

async function admit(
  context: UpgradeContext,
  cooldowns: UserPauses,
  request: IncomingMessage,
): Promise<Admission | Refusal | Rejection> {
  const url = new URL(request.url ?? '/', 'http://localhost')
  if (!url.pathname.startsWith(collabPathPrefix)) return { status: 404, message: 'not found' }
  const documentId = decodePathSegment(url.pathname.slice(collabPathPrefix.length))
  const usesCookie = !url.searchParams.has(ConnectParam.token)
  // A page of another site must not open a socket on the strength of this site's cookie.
  if (usesCookie && !sameOrigin(request)) return { status: 403, message: 'cross-site request refused' }
  const who = await authenticateUpgrade(context.store, request, url)
  if (!who) return { status: 401, message: 'login required' }
  if (who.user.mustChangePassword) return { status: 403, message: 'password change required' }
  // Before the document is looked up: a client that ignores its pause costs one query a try.
  const pauseMs = await cooldowns.remainingMs(who.user.id)
  if (pauseMs > 0) {
    return {
      closeWith: { code: CloseCode.rateLimited, reason: rateLimitedReason('cut off for sending too much', pauseMs) },
    }
  }
  const document = documentId ? await context.store.documents.findDocument(documentId) : null
  if (!document) return { closeWith: { code: CloseCode.documentNotFound, reason: 'document not found' } }
  const documentContext = await documentContextOf(context.store, document)
  const access = documentAccess(who.actor, documentContext)
  if (!access) return { closeWith: { code: CloseCode.forbidden, reason: 'no access to this document' } }
  const reason = readOnlyReason(
    access,
    documentContext,
    access === 'edit' ? null : await latestVersionNumber(context.store, document.lessonId),
  )
  const schemaParam = url.searchParams.get(ConnectParam.schemaVersion)
  const wantsAcks = url.searchParams.get(ConnectParam.ack) === '1'
  return {
    documentId: document.id,
    schemaVersion: schemaParam === null ? null : Number(schemaParam),
    connection: (ws, socket) => {
      const connection = new Connection(
        socketOf(ws, socket),
        who.user,
        who.actor,
        access,
        wantsAcks,
        isThreadModerator(who.actor, documentContext),
      )
      connection.readOnlyReason = reason
      connection.sessionTokenHash = who.tokenHash
      return connection
    },
  }
}

function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin
  if (!origin) return true
  try {
    return new URL(origin).host === request.headers.host
  } catch {
    return false
  }
}

function authenticateUpgrade(
  store: Pick<Store, 'accounts' | 'groups' | 'sessions'>,
  request: IncomingMessage,
  url: URL,
): Promise<Authenticated | null> {
  const token = url.searchParams.get(ConnectParam.token)
  if (token) return authenticate(store, token, 'ws')
  const cookie = parseCookies(request.headers.cookie ?? '', sessionCookieName)[sessionCookieName]
  return cookie ? authenticate(store, cookie, 'cookie') : Promise.resolve(null)
}

interface Limits {
  userLimits: UserLimits
  cooldowns: UserPauses
  turns: FairTurns<Connection>
}

function attach(
  context: UpgradeContext,
  ws: WebSocket,
  socket: Duplex,
  admission: Admission,
  { userLimits, cooldowns, turns }: Limits,
  connectionId: string,
): void {
  const connection = admission.connection(ws, socket)
  const log: Logger = logger.child({ connectionId, documentId: admission.documentId, userId: connection.user.id })
  log.info({ access: connection.access }, 'connection opened')
  context.metrics.connectionOpened()
  const userBudget = userLimits.open(connection.user.id)
  const budget = new FrameBudget(connectionRates, performance.now.bind(performance))
  let room: Room | null = null
  let endPresence: (() => void) | null = null
  let buffered: Uint8Array[] = []
  let bufferedBytes = 0

  /**
   * Hands a frame to the room, its update's deletions charged first (BOUNDS-14). Only the ranges the
   * document does not hold yet count, so they are counted once the room is loaded: a reconnect's sync
   * step 2 carries the document's whole delete set, which costs its sender nothing new. A reader's
   * updates are dropped unread by the room (BOUNDS-6), so counting them would cost for nothing.
   */
  const deliver = (joined: Room, frame: Uint8Array): void => {
    if (!connection.isOpen || !userBudget) return
    if (connection.access !== 'read') {
      const cap = limits.maxDeleteRangesPerUpdate
      const added = deleteRangesOfFrame(frame, cap, joined.holdsDeletion)
      if (added > cap) return connection.close(CloseCode.tooManyDeletions, 'update deletes in too many places')
      if (!budget.spendDeletions(added) || !userBudget.spendDeletions(added)) {
        const pauseMs = cooldowns.strike(connection.user.id)
        return connection.close(CloseCode.rateLimited, rateLimitedReason('too many deletions', pauseMs))
      }
    }
    joined.receive(connection, frame)
  }

  ws.on('error', () => ws.terminate())
  ws.on('close', (code: number) => {
    log.info({ code }, 'connection closed')
    connection.closedByPeer()
    context.metrics.connectionClosed()
    if (userBudget) userLimits.close(connection.user.id)
    room?.leave(connection)
    endPresence?.()
  })
  ws.on('message', (data, isBinary) => {
    // Frames still in flight after a close (e.g. access revoked) must not reach the room.
    if (!connection.isOpen || !userBudget) return
    if (!isBinary) return connection.close(CloseCode.protocolError, 'text frames are not part of the protocol')
    const frame = toBytes(data)
    // Before anything is read: a flood costs its sender the connection, and the room nothing.
    if (!budget.spend(frame.length) || !userBudget.spend(frame.length)) {
      const pauseMs = cooldowns.strike(connection.user.id)
      return connection.close(CloseCode.rateLimited, rateLimitedReason('too many updates', pauseMs))
    }
    turns.run(connection, () => {
      // Frames still waiting for their turn when the connection closed are dropped like frames in flight.
      if (!connection.isOpen) return
      if (room) return deliver(room, frame)
      bufferedBytes += frame.length
      if (bufferedBytes > limits.maxPendingBytesWhileLoading) {
        return connection.close(CloseCode.tooMuchWhileLoading, 'too much data while the document loads')
      }
      buffered.push(frame)
    })
  })

  if (!userBudget) return connection.close(CloseCode.rateLimited, 'too many connections of this user')
  if (admission.schemaVersion !== null && admission.schemaVersion !== editorSchemaVersion) {
    return connection.close(CloseCode.schemaMismatch, `editor schema ${editorSchemaVersion} required`)
  }
  context.registry.join(admission.documentId, connection).then(
    (joined) => {
      room = joined
      if (connection.isOpen) endPresence = context.presence.opened(admission.documentId, connection.user.id)
      for (const frame of buffered) deliver(joined, frame)
      buffered = []
      if (!connection.isOpen) joined.leave(connection)
    },
    (error: unknown) => {
      log.error({ err: error }, 'document could not be loaded')
      if (isStoreUnreachable(error)) connection.close(CloseCode.storageUnavailable, 'database unavailable')
      else connection.close(CloseCode.documentUnavailable, 'document could not be loaded')
    },
  )
}

/** `socket` is the one `ws` writes to. */
function socketOf(ws: WebSocket, socket: Duplex) {
  return {
    send(frame: Uint8Array) {
      // Frames waiting for the end of the turn count in `bufferedAmount` too.
      if (ws.bufferedAmount > limits.maxBufferedBytesPerClient) {
        ws.close(CloseCode.tooSlow, 'client too slow')
        return
      }
      corkUntilEndOfTurn(socket)
      ws.send(frame)
    },
    close: (code: number, reason: string) => ws.close(code, reason),
    terminate: () => ws.terminate(),
  }
}

function decodePathSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data)
  return data instanceof ArrayBuffer ? new Uint8Array(data) : data
}

function refuse(socket: Duplex, status: number, message: string): void {
  const body = JSON.stringify({ error: { code: statusCode(status), message } })
  socket.end(
    `HTTP/1.1 ${status} ${httpStatusText(status)}\r\nConnection: close\r\nContent-Type: application/json\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

function statusCode(status: number): string {
  return { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found' }[status] ?? 'internal'
}

function httpStatusText(status: number): string {
  return { 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found' }[status] ?? 'Internal Server Error'
}
