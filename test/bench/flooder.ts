/**
 * Child process: one editor flooding a document with one-character updates as fast as the server lets
 * it, reconnecting as soon as its provider allows whenever it is cut off, as a runaway or hostile client
 * would (an honest one waits `retryPauseMs` first). Kept apart from the measured clients, so that the
 * flood's own CPU is not charged to their latencies.
 */
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { serveRequests } from './ipc.ts'

export interface FloodArgs {
  serverUrl: string
  room: string
  params: Record<string, string>
}

export interface FloodOutcome {
  /** Characters typed in the flood. */
  typed: number
  /** Times the server closed the flooder's connection, by close code. */
  closes: Record<number, number>
}

let flooding: { provider: WebsocketProvider; doc: Y.Doc; closes: Record<number, number>; running: boolean } | null =
  null

/** Characters per turn of the event loop: each is its own update frame. */
const perTurn = 20

serveRequests({
  start: async ({ serverUrl, room, params }: FloodArgs) => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider(serverUrl, room, doc, {
      WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
      params,
      disableBc: true,
      maxBackoffTime: 100,
    })
    const closes: Record<number, number> = {}
    provider.on('connection-close', (event) => {
      if (event) closes[event.code] = (closes[event.code] ?? 0) + 1
    })
    flooding = { provider, doc, closes, running: true }
    const text = doc.getText('flood')
    const state = flooding
    let looping = false
    const flood = (): void => {
      // Waiting for the next connection rather than spinning: on a shared machine a spinning flooder
      // would take a core from the server for the whole phase, which no flooder elsewhere does.
      looping = state.running && provider.wsconnected
      if (!looping) return
      for (let i = 0; i < perTurn; i++) text.insert(text.length, '洪')
      setImmediate(flood)
    }
    provider.on('status', ({ status }) => {
      if (status === 'connected' && !looping) flood()
    })
    flood()
  },
  stop: async (): Promise<FloodOutcome> => {
    if (!flooding) throw new Error('not flooding')
    const { provider, doc, closes } = flooding
    flooding.running = false
    flooding = null
    const typed = doc.getText('flood').length
    provider.destroy()
    doc.destroy()
    return { typed, closes }
  },
})
