/**
 * Unmodified y-websocket `WebsocketProvider`s in Node, the way a non-browser client uses the server:
 * log in over HTTP, fetch a ws token, connect with `?token=`.
 */
import * as decoding from 'lib0/decoding'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { isUpdateFrame, MessageType, readSaveAck } from '../../shared/protocol/messages.ts'
import { shouldReconnect } from '../../shared/protocol/close-codes.ts'

export const demoPassword = 'gongbei-demo'

export async function login(baseUrl: string, username: string, password = demoPassword): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (response.status !== 200) throw new Error(`login of ${username} failed: ${response.status}`)
  const cookie = response.headers.get('set-cookie')
  if (!cookie) throw new Error('no session cookie')
  return cookie.split(';')[0]!
}

export async function wsToken(baseUrl: string, username: string): Promise<string> {
  const cookie = await login(baseUrl, username)
  const response = await fetch(`${baseUrl}/api/auth/ws-token`, { method: 'POST', headers: { cookie } })
  const body = (await response.json()) as { token: string }
  return body.token
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /**
   * The document's state vector as of the last update frame the server acknowledged as stored on the
   * current connection (opt-in acks): everything in it was told 已保存.
   */
  acked: Map<number, number>
  /** Update frames sent and acknowledged on the current connection. */
  frames: { sent: number; acked: number }
  /** Reasons of permission-denied messages received. */
  denials: string[]
  /** Close codes the server sent. */
  closeCodes: number[]
  text(): string
  destroy(): void
}

export interface ConnectOptions {
  acks?: boolean
  /** Reuse this document (e.g. to reconnect with offline edits). */
  doc?: Y.Doc
  connect?: boolean
}

export function connectClient(
  baseUrl: string,
  documentId: string,
  token: string,
  options: ConnectOptions = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const params: Record<string, string> = { token }
  if (options.acks) params.ack = '1'
  const provider = new WebsocketProvider(baseUrl.replace(/^http/, 'ws') + '/collab', documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    // BroadcastChannel exists in Node and would sync clients of one process behind the server's back.
    disableBc: true,
    connect: options.connect ?? true,
    maxBackoffTime: 300,
    shouldReconnect: (event) => shouldReconnect(event.code),
  })
  const acked = new Map<number, number>()
  const denials: string[] = []
  const closeCodes: number[] = []
  const frames = { sent: 0, acked: 0 }
  // The state vector at each update frame sent on the current connection, to know what an ack covers.
  let statesAtFrames: Map<number, number>[] = []
  provider.on('status', ({ status }) => {
    if (status !== 'connected' || !provider.ws) return
    const socket = provider.ws
    const send = socket.send.bind(socket)
    frames.sent = 0
    frames.acked = 0
    statesAtFrames = []
    socket.send = (data) => {
      if (data instanceof Uint8Array && isUpdateFrame(data)) {
        frames.sent++
        statesAtFrames.push(Y.decodeStateVector(Y.encodeStateVector(doc)))
      }
      send(data)
    }
  })
  provider.messageHandlers[MessageType.saveAck] = (_encoder, decoder) => {
    frames.acked = readSaveAck(decoder)
    for (const [client, clock] of statesAtFrames[frames.acked - 1] ?? []) {
      acked.set(client, Math.max(acked.get(client) ?? 0, clock))
    }
  }
  provider.messageHandlers[MessageType.access] = () => {}
  provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
    decoding.readVarUint(decoder)
    denials.push(decoding.readVarString(decoder))
  }
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code)
  })
  return {
    doc,
    provider,
    acked,
    frames,
    denials,
    closeCodes,
    text: () => doc.getText('t').toString(),
    destroy() {
      provider.destroy()
    },
  }
}

export async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export function waitForSync(client: TestClient): Promise<void> {
  return waitFor(() => client.provider.synced, 'sync')
}

/** Waits until the server has acknowledged as stored every update frame `client` sent (acks on). */
export function waitForStored(client: TestClient, what: string): Promise<void> {
  return waitFor(() => client.frames.acked === client.frames.sent, what)
}

/** Whether `doc` holds everything described by `stateVector`. */
export function covers(doc: Y.Doc, stateVector: Map<number, number>): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc))
  for (const [client, clock] of stateVector) if ((have.get(client) ?? 0) < clock) return false
  return true
}
