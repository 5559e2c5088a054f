/**
 * Cold load of a 1 MB document (`C1.v1.yjs`, 1.1 MB of real concurrent editing): how long a fresh client
 * waits from connecting until it is synced. Our server is restarted before each run, so the document is
 * read from the store; the reference and Hocuspocus keep documents only in memory, so they are measured
 * with the document already loaded, as the floor that transfer and the client's own parsing set.
 */
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import type { BenchServer, OurServer } from './bench-servers.ts'
import { median } from './stats.ts'
import { sharedDir } from './workload.ts'

export const coldDocumentPath = `${sharedDir}/traces/C1.v1.yjs`

export interface ColdLoadRun {
  /** Connect to synced, as the user waits. */
  totalMs: number
  /** Connect to WebSocket open: HTTP upgrade and authentication. */
  upgradeMs: number
  /** Open to the server's first frame: the server loading the document (sync step 1 follows the load). */
  serverLoadMs: number
  /** First frame to synced: the server's diff, the transfer and the client applying 1 MB. */
  transferAndApplyMs: number
  /** Our server only: its own `loadDocumentState` call. */
  storeReadMs: number | null
  /** The client ends with exactly the stored document. */
  complete: boolean
}

export interface ColdLoadResult {
  server: BenchServer['kind']
  /** False when the document was already in the server's memory. */
  fromStore: boolean
  documentBytes: number
  medianTotalMs: number
  runs: ColdLoadRun[]
}

interface Marks {
  created: number
  open: number
  firstFrame: number
}

/** A `ws` WebSocket that notes when it opened and when the first frame arrived. */
function timedWebSocket(marks: Marks) {
  return class TimedWebSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols)
      marks.created = performance.now()
      this.once('open', () => (marks.open = performance.now()))
      this.once('message', () => (marks.firstFrame = performance.now()))
    }
  }
}

async function loadOnce(serverUrl: string, room: string, params: Record<string, string>, expected: Uint8Array) {
  const marks: Marks = { created: 0, open: 0, firstFrame: 0 }
  const doc = new Y.Doc()
  const started = performance.now()
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    WebSocketPolyfill: timedWebSocket(marks) as unknown as typeof globalThis.WebSocket,
    params,
    disableBc: true,
  })
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no sync within 30 s on ${room}`)), 30_000)
      provider.once('sync', () => {
        clearTimeout(timer)
        resolve()
      })
    })
    const synced = performance.now()
    return {
      totalMs: synced - started,
      upgradeMs: marks.open - started,
      serverLoadMs: marks.firstFrame - marks.open,
      transferAndApplyMs: synced - marks.firstFrame,
      complete: sameStateVector(Y.encodeStateVector(doc), expected),
    }
  } finally {
    provider.destroy()
    doc.destroy()
  }
}

function sameStateVector(a: Uint8Array, b: Uint8Array): boolean {
  const left = Y.decodeStateVector(a)
  const right = Y.decodeStateVector(b)
  return left.size === right.size && [...left].every(([client, clock]) => right.get(client) === clock)
}

export async function coldLoadOurs(server: OurServer, runs: number): Promise<ColdLoadResult> {
  const bytes = new Uint8Array(readFileSync(coldDocumentPath))
  const expected = Y.encodeStateVectorFromUpdate(bytes)
  const id = await server.storeDocumentFromFile('冷启动测试：1 MB 导学案', coldDocumentPath)
  const results: ColdLoadRun[] = []
  for (let i = 0; i < runs; i++) {
    await server.restart()
    const token = await server.wsToken('teacher1')
    const run = await loadOnce(server.serverUrl, id, { token }, expected)
    const [storeReadMs] = await server.storeLoadTimes(id)
    results.push({ ...run, storeReadMs: storeReadMs ?? null })
  }
  return summarize('ours', true, bytes.length, results)
}

/** A server that keeps documents only in memory: measured with the document held there by a connected client. */
export async function coldLoadInMemory(server: BenchServer, runs: number): Promise<ColdLoadResult> {
  const bytes = new Uint8Array(readFileSync(coldDocumentPath))
  const expected = Y.encodeStateVectorFromUpdate(bytes)
  const room = `cold-${Date.now().toString(36)}`
  const holder = await pushDocument(server.serverUrl, room, bytes, expected)
  try {
    const results: ColdLoadRun[] = []
    for (let i = 0; i < runs; i++) {
      results.push({ ...(await loadOnce(server.serverUrl, room, {}, expected)), storeReadMs: null })
    }
    return summarize(server.kind, false, bytes.length, results)
  } finally {
    holder.destroy()
  }
}

/**
 * Gives an in-memory server the document through a client, and waits until it holds all of it. The
 * client stays connected until `destroy()`: Hocuspocus drops a document when its last client leaves.
 */
export async function pushDocument(
  serverUrl: string,
  room: string,
  bytes: Uint8Array,
  expected: Uint8Array,
): Promise<{ destroy(): void }> {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, bytes)
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      if (!provider.synced) continue
      const probe = await loadOnce(serverUrl, room, {}, expected).catch(() => null)
      if (probe?.complete) {
        return {
          destroy() {
            provider.destroy()
            doc.destroy()
          },
        }
      }
    }
  } catch (error) {
    provider.destroy()
    doc.destroy()
    throw error
  }
  provider.destroy()
  doc.destroy()
  throw new Error(`the ${serverUrl} server never held the whole document`)
}

function summarize(server: BenchServer['kind'], fromStore: boolean, documentBytes: number, runs: ColdLoadRun[]) {
  return { server, fromStore, documentBytes, medianTotalMs: median(runs.map((r) => r.totalMs)), runs }
}
