/**
 * Child process: Hocuspocus 3 (`@hocuspocus/server`, the line that runs on Node 20), in memory, under the
 * same unmodified y-websocket clients as the other servers; alone with no extensions, or one of several
 * with `@hocuspocus/extension-redis` when started with Redis (`cluster-servers.ts`).
 *
 * Hocuspocus speaks its own framing of the y-websocket messages: every frame starts with the document's
 * name, a connection first sends an authentication message, the server's own sync step 1 goes out as a
 * "sync reply", and it acknowledges each update with a sync-status frame. `YWebsocketFraming` translates
 * on the server side, one frame at a time: it prefixes the room name (taken from the URL, as y-websocket
 * names rooms) to what the client sends, sends the authentication message on the client's behalf, and
 * strips the name from what goes out, passing on only what a y-websocket client understands. The
 * translation is a few bytes copied per frame, charged to Hocuspocus's CPU.
 */
import { EventEmitter } from 'node:events'
import http, { type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Redis } from '@hocuspocus/extension-redis'
import { Hocuspocus } from '@hocuspocus/server'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { type RawData, type WebSocket, WebSocketServer } from 'ws'
import { serveRequests } from './ipc.ts'
import { usageRequests } from './process-usage.ts'
import { profilerRequests } from './window-profiler.ts'

/** Hocuspocus's message types that y-websocket clients share (sync, awareness, query awareness). */
const passedThrough = new Set([0, 1, 3])
const syncReply = 4
const sync = 0
const auth = 2
const authToken = 0

class YWebsocketFraming extends EventEmitter {
  private readonly prefix: Uint8Array

  constructor(
    private readonly socket: WebSocket,
    readonly documentName: string,
  ) {
    super()
    this.setMaxListeners(0)
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, documentName)
    this.prefix = encoding.toUint8Array(encoder)
    socket.on('message', (data: RawData) => this.emit('message', this.framed(data as Buffer)))
    socket.on('pong', (data: Buffer) => this.emit('pong', data))
    socket.on('close', (code: number, reason: Buffer) => this.emit('close', code, reason))
    socket.on('error', (error: Error) => this.emit('error', error))
  }

  /** The authentication message a Hocuspocus provider sends first; with no hook, any token is accepted. */
  authenticate(): void {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, this.documentName)
    encoding.writeVarUint(encoder, auth)
    encoding.writeVarUint(encoder, authToken)
    encoding.writeVarString(encoder, '')
    this.emit('message', Buffer.from(encoding.toUint8Array(encoder)))
  }

  private framed(data: Buffer): Buffer {
    const frame = Buffer.allocUnsafe(this.prefix.length + data.length)
    frame.set(this.prefix, 0)
    frame.set(data, this.prefix.length)
    return frame
  }

  get readyState(): number {
    return this.socket.readyState
  }

  set binaryType(value: WebSocket['binaryType']) {
    this.socket.binaryType = value
  }

  send(message: Uint8Array, callback?: (error?: Error) => void): void {
    const decoder = decoding.createDecoder(message)
    decoding.readVarString(decoder)
    const start = decoder.pos
    const type = decoding.readVarUint(decoder)
    if (type === syncReply) {
      // The server's own sync step 1: to a y-websocket client, an ordinary sync message.
      const frame = Buffer.from(message.subarray(start))
      frame[0] = sync
      this.socket.send(frame, callback)
    } else if (passedThrough.has(type)) {
      this.socket.send(message.subarray(start), callback)
    } else {
      callback?.()
    }
  }

  ping(): void {
    this.socket.ping()
  }

  close(code?: number, reason?: string): void {
    this.socket.close(code, reason)
  }
}

let hocuspocus = new Hocuspocus({ quiet: true })
const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' })
  response.end('okay')
})
server.on('upgrade', (request: IncomingMessage, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => {
    const room = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname.slice(1))
    const framing = new YWebsocketFraming(ws, room)
    hocuspocus.handleConnection(framing as unknown as WebSocket, request)
    framing.authenticate()
  })
})

interface StartArgs {
  /** Relay to the other instances through Redis, every key under `prefix`. */
  redis?: { url: string; prefix: string }
}

serveRequests({
  start: (args: StartArgs | null) => {
    if (args?.redis) {
      const { hostname, port } = new URL(args.redis.url)
      const extension = new Redis({ host: hostname, port: Number(port || 6379), prefix: args.redis.prefix })
      hocuspocus = new Hocuspocus({ quiet: true, extensions: [extension] })
    }
    return new Promise<{ port: number }>((resolve) => {
      server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as AddressInfo).port }))
    })
  },
  ...usageRequests,
  ...profilerRequests,
})
