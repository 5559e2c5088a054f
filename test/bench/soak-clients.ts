/**
 * Child process: some of the soak's connections, each a y-websocket client with save acks typing into a
 * text of its own. Reports, per client, how far the server acknowledged its typing as stored.
 */
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { connectClient, type TestClient } from '../helpers/collab-client.ts'
import { serveRequests } from './ipc.ts'

export interface SoakConnectArgs {
  serverUrl: string
  clients: { room: string; token: string }[]
}

export interface SoakClientOutcome {
  room: string
  clientId: number
  typed: number
  /** Clock of this client's own items up to which the server acknowledged them as stored. */
  acked: number
  disconnects: number
}

// Hundreds of providers each add an exit listener.
process.setMaxListeners(0)

let clients: { room: string; client: TestClient }[] = []
let typing = false

serveRequests({
  connect: async ({ serverUrl, clients: wanted }: SoakConnectArgs) => {
    // connectClient appends `/collab`; the benchmark hands out the WebSocket URL that already has it.
    const httpUrl = serverUrl.replace(/^ws/, 'http').replace(/\/collab$/, '')
    clients = wanted.map(({ room, token }) => ({ room, client: connectClient(httpUrl, room, token, { acks: true }) }))
    const deadline = Date.now() + 120_000
    while (!clients.every(({ client }) => client.provider.synced)) {
      if (Date.now() > deadline) throw new Error('soak clients did not sync within 120 s')
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  },
  type: async ({ rate, durationMs }: { rate: number; durationMs: number }) => {
    typing = true
    const interval = 1000 / rate
    const end = performance.now() + durationMs
    await Promise.all(
      clients.map(
        ({ client }, i) =>
          new Promise<void>((resolve) => {
            const text = client.doc.getText(`c-${client.doc.clientID}`)
            const tick = (): void => {
              if (!typing || performance.now() >= end) return resolve()
              text.insert(text.length, '字')
              setTimeout(tick, interval)
            }
            setTimeout(tick, (interval * i) / clients.length)
          }),
      ),
    )
  },
  /** Waits for the acks of what was typed (up to `drainMs`), then disconnects and reports. */
  finish: async ({ drainMs }: { drainMs: number }): Promise<SoakClientOutcome[]> => {
    typing = false
    const deadline = Date.now() + drainMs
    const allAcked = () =>
      clients.every(({ client }) => (client.acked.get(client.doc.clientID) ?? 0) === ownClock(client))
    while (!allAcked() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
    const outcomes = clients.map(({ room, client }) => ({
      room,
      clientId: client.doc.clientID,
      typed: client.doc.getText(`c-${client.doc.clientID}`).length,
      acked: client.acked.get(client.doc.clientID) ?? 0,
      disconnects: client.closeCodes.length,
    }))
    for (const { client } of clients) client.destroy()
    clients = []
    return outcomes
  },
})

function ownClock(client: TestClient): number {
  return Y.getState(client.doc.store, client.doc.clientID)
}
