/**
 * What a server costs besides typing, each measured on a fresh server:
 * - idle: memory of the idle server, per idle document and per idle connection, and the CPU of setting up
 *   a connection (`measureIdle`);
 * - many teachers opening one large document at the same moment (`measureJoin`);
 * - the carets of a meeting: every client moving its caret, relayed as awareness (`measureCarets`);
 * - saturation: the typing load raised step by step until p99 passes 100 ms (`measureSaturation`).
 */
import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { type BenchServer, largeDocumentPath, type OurServer } from './bench-servers.ts'
import type { JoinResult, OpenClient } from './capacity-clients.ts'
import { pushDocument } from './cold-load.ts'
import { ChildHandle } from './ipc.ts'
import { type LoadResult, type LoadTiming, runLoad } from './load-run.ts'
import type { SettledMemory } from './process-usage.ts'
import { median } from './stats.ts'
import { loadChinesePassage } from './workload.ts'
import type { LargeDocument, Workload } from './workloads.ts'

export interface IdleMeasure {
  /** The server started, nothing open. */
  idle: SettledMemory
  documents: number
  /** Memory per open document with one client, the client's connection left out. */
  perDocument: SettledMemory
  /** Memory per further client of an open document. */
  perConnection: SettledMemory
  /** Server CPU for the first client of a document: open it, sync, store its first section. */
  firstConnectionCpuMs: number
  /** Server CPU for another client joining an open document: upgrade, authentication, sync. */
  connectionCpuMs: number
}

/** Characters of Chinese each idle document holds: a page of a 导学案 (about 6 KB). */
const idleSectionLength = 2000

async function withClients<T>(processes: number, use: (children: ChildHandle[]) => Promise<T>): Promise<T> {
  const children = Array.from({ length: processes }, (_, p) =>
    ChildHandle.start(`capacity clients ${p}`, './capacity-clients.ts'),
  )
  try {
    return await use(children)
  } finally {
    await Promise.all(children.map((child) => child.stop()))
  }
}

const perItem = (before: SettledMemory, after: SettledMemory, count: number): SettledMemory => ({
  rssBytes: (after.rssBytes - before.rssBytes) / count,
  heapUsedBytes: (after.heapUsedBytes - before.heapUsedBytes) / count,
})

export async function measureIdle(server: BenchServer, documents: number): Promise<IdleMeasure> {
  const passage = loadChinesePassage()
  const rooms = await server.createDocuments(documents, 2)
  const idle = await server.settledMemory()
  return withClients(1, async ([child]) => {
    const open = async (clients: OpenClient[]): Promise<number> => {
      const before = await server.usage()
      await child!.request('open', { serverUrl: server.serverUrl, clients }, 300_000)
      const after = await server.usage()
      return (after.cpuMs - before.cpuMs) / clients.length
    }
    const firstConnectionCpuMs = await open(
      rooms.map((doc, d) => ({
        room: doc.room,
        params: doc.clientParams[0]!,
        section: passage
          .slice((d * 97) % passage.length)
          .slice(0, idleSectionLength)
          .padEnd(idleSectionLength, '备'),
      })),
    )
    const withDocuments = await server.settledMemory()
    const connectionCpuMs = await open(
      rooms.map((doc) => ({ room: doc.room, params: doc.clientParams[1]!, section: null })),
    )
    const withConnections = await server.settledMemory()
    await child!.request('closeAll')
    const perConnection = perItem(withDocuments, withConnections, documents)
    const perOpenDocument = perItem(idle, withDocuments, documents)
    return {
      idle,
      documents,
      perDocument: {
        rssBytes: perOpenDocument.rssBytes - perConnection.rssBytes,
        heapUsedBytes: perOpenDocument.heapUsedBytes - perConnection.heapUsedBytes,
      },
      perConnection,
      firstConnectionCpuMs,
      connectionCpuMs,
    }
  })
}

export interface JoinMeasure {
  joiners: number
  documentBytes: number
  /** From the common start until the last client is synced. */
  allSyncedMs: number
  medianSyncedMs: number
  /** Clients that ended with the whole document. */
  complete: number
  serverCpuMs: number
  /** Highest server RSS during the join. */
  peakRssBytes: number
  /** Our server: the document came from the store (restarted before); the others hold it in memory. */
  fromStore: boolean
}

/** A large document ready to join, with the parameters of `clients` clients, and what must be released after. */
async function largeRoom(server: BenchServer, large: LargeDocument, clients: number) {
  const path = largeDocumentPath(large)
  const bytes = new Uint8Array(readFileSync(path))
  const stateVector = Y.encodeStateVectorFromUpdate(bytes)
  if (server.kind === 'ours') {
    const ours = server as OurServer
    const room = await ours.storeDocumentFromFile(`同时打开：${large}`, path)
    await ours.restart()
    const params = await ours.clientParams(clients)
    return { room, params, stateVector, bytes, release: () => undefined }
  }
  const room = `join-${large}-${Date.now().toString(36)}`
  const holder = await pushDocument(server.serverUrl, room, bytes, stateVector)
  return {
    room,
    params: Array.from({ length: clients }, () => ({})),
    stateVector,
    bytes,
    release: () => holder.destroy(),
  }
}

export async function measureJoin(
  server: BenchServer,
  joiners: number,
  large: LargeDocument,
  processes: number,
): Promise<JoinMeasure> {
  const { room, params, stateVector, bytes, release } = await largeRoom(server, large, joiners)
  try {
    return await withClients(processes, async (children) => {
      const before = await server.usage(true)
      const results = await Promise.all(
        children.map((child, p) =>
          child.request<JoinResult>(
            'join',
            { serverUrl: server.serverUrl, room, params: params.filter((_, i) => i % processes === p), stateVector },
            600_000,
          ),
        ),
      )
      const after = await server.usage()
      const synced = results.flatMap((r) => r.syncedMs)
      return {
        joiners,
        documentBytes: bytes.length,
        allSyncedMs: Math.max(...synced),
        medianSyncedMs: median(synced),
        complete: results.reduce((n, r) => n + r.complete, 0),
        serverCpuMs: after.cpuMs - before.cpuMs,
        peakRssBytes: after.peakRssBytes,
        fromStore: server.kind === 'ours',
      }
    })
  } finally {
    release()
  }
}

export interface CaretsMeasure {
  clients: number
  /** Caret moves per second of each client. */
  rate: number
  moves: number
  /** Caret changes the clients heard from the others in the window. */
  heard: number
  heardPerSecond: number
  serverCpuMs: number
  cpuMsPer1000Heard: number
  /** Share of one core over the window. */
  cpuPercent: number
}

export async function measureCarets(
  server: BenchServer,
  clients: number,
  rate: number,
  durationMs: number,
): Promise<CaretsMeasure> {
  const [doc] = await server.createDocuments(1, clients)
  return withClients(1, async ([child]) => {
    await child!.request(
      'caretsConnect',
      { serverUrl: server.serverUrl, room: doc!.room, params: doc!.clientParams },
      300_000,
    )
    const before = await server.usage(true)
    const { moves, heard } = await child!.request<{ moves: number; heard: number }>(
      'caretsMove',
      { rate, durationMs },
      durationMs + 60_000,
    )
    const after = await server.usage()
    await child!.request('closeAll')
    const serverCpuMs = after.cpuMs - before.cpuMs
    return {
      clients,
      rate,
      moves,
      heard,
      heardPerSecond: heard / (durationMs / 1000),
      serverCpuMs,
      cpuMsPer1000Heard: heard > 0 ? (serverCpuMs / heard) * 1000 : Number.NaN,
      cpuPercent: (serverCpuMs / durationMs) * 100,
    }
  })
}

export interface SaturationStep {
  rate: number
  deliveredPerSecond: number
  p99Ms: number
  cpuPercent: number
  sound: boolean
}

export interface SaturationMeasure {
  workload: string
  steps: SaturationStep[]
  /** The most deliveries per second at a step whose p99 stayed under `saturationP99Ms`; 0 if none did. */
  deliveredPerSecondUnderLimit: number
}

export const saturationP99Ms = 100

/**
 * The workload at rising rates per writer on one server, a fresh set of documents per step, until a
 * step's p99 passes the limit (that step is kept, the ramp stops).
 */
export async function measureSaturation(
  server: BenchServer,
  workload: Workload,
  rates: readonly number[],
  timing: LoadTiming,
): Promise<SaturationMeasure> {
  const steps: SaturationStep[] = []
  for (const rate of rates) {
    const load: LoadResult = await runLoad(server, { ...workload, rate }, timing)
    steps.push({
      rate,
      deliveredPerSecond: load.deliveredPerSecond,
      p99Ms: load.latencyMs.p99,
      cpuPercent: (load.serverCpuMs / timing.durationMs) * 100,
      sound: load.converged && load.lostDeliveries === 0,
    })
    if (!(load.latencyMs.p99 < saturationP99Ms)) break
  }
  const under = steps.filter((s) => s.p99Ms < saturationP99Ms && s.sound)
  return {
    workload: workload.name,
    steps,
    deliveredPerSecondUnderLimit: Math.max(0, ...under.map((s) => s.deliveredPerSecond)),
  }
}
