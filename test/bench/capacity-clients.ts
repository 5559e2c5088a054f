/**
 * Child process: y-websocket clients for the capacity measurements (`capacity.ts`), which are about
 * connections rather than typing. Requests:
 * - `open`: connect clients, each writing a section into its document if asked, and keep them open;
 * - `join`: connect many fresh clients to one document at the same moment, and time each until synced;
 * - `caretsConnect` / `caretsMove`: clients of one document moving their carets (awareness), counting the
 *   caret changes each hears from the others;
 * - `closeAll`.
 */
import { performance } from 'node:perf_hooks'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { seedSections } from './bench-doc.ts'
import { serveRequests } from './ipc.ts'

export interface OpenClient {
  room: string
  params: Record<string, string>
  /** Written as a new section once synced: the document's content when it is the first client. */
  section: string | null
}

export interface JoinResult {
  /** Per client, from the common start to synced (ms). */
  syncedMs: number[]
  /** Clients that ended with the document's whole state vector. */
  complete: number
}

interface Client {
  doc: Y.Doc
  provider: WebsocketProvider
}

// Hundreds of providers each add an exit listener.
process.setMaxListeners(0)

const open: Client[] = []
const caretClients: Client[] = []
let caretsHeard = 0
let caretsWindow = { start: Infinity, end: Infinity }

function connect(serverUrl: string, room: string, params: Record<string, string>, doc = new Y.Doc()): Client {
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  })
  return { doc, provider }
}

function synced(client: Client, timeoutMs = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (client.provider.synced) return resolve()
    const timer = setTimeout(() => reject(new Error(`no sync within ${timeoutMs} ms`)), timeoutMs)
    client.provider.once('sync', () => {
      clearTimeout(timer)
      resolve()
    })
  })
}

/** Connects in small groups, as teachers arrive, so that the set-up cost is measured, not a stampede. */
async function openClients({ serverUrl, clients }: { serverUrl: string; clients: OpenClient[] }): Promise<number> {
  const group = 10
  for (let i = 0; i < clients.length; i += group) {
    const batch = clients.slice(i, i + group).map((c) => ({ spec: c, client: connect(serverUrl, c.room, c.params) }))
    await Promise.all(batch.map(({ client }) => synced(client)))
    for (const { spec, client } of batch) {
      if (spec.section !== null) seedSections(client.doc, [spec.section], false)
      open.push(client)
    }
  }
  // The sections have reached the server once a last round trip is done: every client's own section is
  // in its document, and the server echoes nothing; wait until the socket buffers are empty.
  await waitUntil(() => open.every((c) => (c.provider.ws?.bufferedAmount ?? 0) === 0), 30_000)
  return open.length
}

async function join(args: {
  serverUrl: string
  room: string
  params: Record<string, string>[]
  stateVector: Uint8Array
}): Promise<JoinResult> {
  const expected = Y.decodeStateVector(args.stateVector)
  const started = performance.now()
  const syncedMs: number[] = []
  let complete = 0
  await Promise.all(
    args.params.map(async (params) => {
      const client = connect(args.serverUrl, args.room, params)
      try {
        await synced(client, 300_000)
        syncedMs.push(performance.now() - started)
        const state = Y.decodeStateVector(Y.encodeStateVector(client.doc))
        if ([...expected].every(([id, clock]) => (state.get(id) ?? 0) >= clock)) complete++
      } finally {
        // A joined document is dropped at once: a hundred 1 MB documents would not fit in one process.
        client.provider.destroy()
        client.doc.destroy()
      }
    }),
  )
  return { syncedMs, complete }
}

async function caretsConnect({
  serverUrl,
  room,
  params,
}: {
  serverUrl: string
  room: string
  params: Record<string, string>[]
}) {
  const clients = params.map((p) => connect(serverUrl, room, p))
  await Promise.all(clients.map((c) => synced(c)))
  for (const client of clients) {
    client.provider.awareness.on('change', ({ updated }: { updated: number[] }, origin: unknown) => {
      const now = performance.now()
      if (origin === 'local' || now < caretsWindow.start || now >= caretsWindow.end) return
      caretsHeard += updated.filter((id) => id !== client.doc.clientID).length
    })
    open.push(client)
    caretClients.push(client)
  }
  return clients.length
}

/** Every client moves its caret `rate` times a second, spread evenly, for `durationMs`. */
async function caretsMove({ rate, durationMs }: { rate: number; durationMs: number }) {
  const clients = caretClients
  const moved = clients.map(() => 0)
  const intervalMs = 1000 / rate
  const started = performance.now()
  caretsHeard = 0
  caretsWindow = { start: started, end: started + durationMs }
  let moves = 0
  const timer = setInterval(
    () => {
      const now = performance.now()
      clients.forEach((client, i) => {
        const due = Math.floor((now - started - (i / clients.length) * intervalMs) / intervalMs) + 1
        if (due <= moved[i]!) return
        moved[i] = due
        moves++
        client.provider.awareness.setLocalStateField('cursor', { anchor: due, head: due })
      })
    },
    Math.min(10, intervalMs / 4),
  )
  await new Promise((resolve) => setTimeout(resolve, durationMs))
  clearInterval(timer)
  // Changes still on their way are not counted: the window is closed.
  return { moves, heard: caretsHeard }
}

function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const deadline = performance.now() + timeoutMs
    const check = (): void => {
      if (condition()) resolve(true)
      else if (performance.now() > deadline) resolve(false)
      else setTimeout(check, 20)
    }
    check()
  })
}

serveRequests({
  open: (args: { serverUrl: string; clients: OpenClient[] }) => openClients(args),
  join: (args: { serverUrl: string; room: string; params: Record<string, string>[]; stateVector: Uint8Array }) =>
    join(args),
  caretsConnect: (args: { serverUrl: string; room: string; params: Record<string, string>[] }) => caretsConnect(args),
  caretsMove: (args: { rate: number; durationMs: number }) => caretsMove(args),
  closeAll: async () => {
    caretClients.splice(0)
    for (const client of open.splice(0)) {
      client.provider.destroy()
      client.doc.destroy()
    }
  },
})
