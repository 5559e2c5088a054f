/**
 * The servers under test, each in its own child process, behind one interface: where clients
 * connect, how a document and its clients are set up, and how much CPU and memory the server has used.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ChildHandle } from './ipc.ts'
import { startClusterServer } from './cluster-servers.ts'
import type { ServerKind } from './options.ts'
import type { ProcessUsage, SettledMemory } from './process-usage.ts'
import type { CallTimes } from './stats.ts'
import { sharedDir } from './workload.ts'
import type { LargeDocument } from './workloads.ts'

export function largeDocumentPath(large: LargeDocument): string {
  return `${sharedDir}/traces/${large}.v1.yjs`
}

export interface BenchDocument {
  room: string
  /** Per client: URL query parameters; clients 0..W-1 are the writers. */
  clientParams: Record<string, string>[]
}

export interface BenchServer {
  readonly kind: ServerKind
  /** The first instance's process (the only one, unless the kind has two instances). */
  readonly child: ChildHandle
  /** Every instance's process. */
  readonly children: readonly ChildHandle[]
  /** Base URL for `WebsocketProvider` (the room name is appended), of the first instance. */
  readonly serverUrl: string
  /** Each instance's base URL; client i of a document connects to instance i mod their number. */
  readonly serverUrls: readonly string[]
  /** With `large`, each document starts as that trace document (see `largeDocumentPath`). */
  createDocuments(count: number, clientsPerDocument: number, large?: LargeDocument | null): Promise<BenchDocument[]>
  /**
   * `reset` starts a new window for the peak RSS and the event-loop delay. With several instances: CPU,
   * memory and peak RSS added up, the event-loop delay the worst of them.
   */
  usage(reset?: boolean): Promise<ProcessUsage>
  /** Memory after a garbage collection: what the server holds, not what it has yet to free. */
  settledMemory(): Promise<SettledMemory>
  /** How long the server's store calls took since the last reset; null for a server without a store. */
  storeCallTimes(reset?: boolean): Promise<Record<string, CallTimes> | null>
  close(): Promise<void>
}

/** The usage of several processes as one server's. */
export function combinedUsage(usages: readonly ProcessUsage[]): ProcessUsage {
  const total = (pick: (u: ProcessUsage) => number): number => usages.reduce((n, u) => n + pick(u), 0)
  const worst = (pick: (u: ProcessUsage) => number): number => Math.max(...usages.map(pick))
  return {
    cpuMs: total((u) => u.cpuMs),
    cpuSystemMs: total((u) => u.cpuSystemMs),
    rssBytes: total((u) => u.rssBytes),
    heapUsedBytes: total((u) => u.heapUsedBytes),
    peakRssBytes: total((u) => u.peakRssBytes),
    lifetimeMaxRssBytes: total((u) => u.lifetimeMaxRssBytes),
    eventLoopDelayMs: { p99: worst((u) => u.eventLoopDelayMs.p99), max: worst((u) => u.eventLoopDelayMs.max) },
  }
}

/** A server that keeps documents in memory and takes any client: the reference, or Hocuspocus. */
export async function startInMemoryServer(kind: 'reference' | 'hocuspocus'): Promise<BenchServer> {
  const script = kind === 'reference' ? './reference-server.ts' : './hocuspocus-server.ts'
  const child = ChildHandle.start(`${kind} server`, script)
  try {
    const { port } = await child.request<{ port: number }>('start')
    return inMemoryServer(kind, [child], [`ws://127.0.0.1:${port}`])
  } catch (error) {
    await child.stop()
    throw error
  }
}

/** In-memory servers, one instance or several relaying through Redis (`cluster-servers.ts`). */
export function inMemoryServer(
  kind: ServerKind,
  children: readonly ChildHandle[],
  serverUrls: readonly string[],
  release: () => Promise<void> = async () => {},
): BenchServer {
  return {
    kind,
    child: children[0]!,
    children,
    serverUrl: serverUrls[0]!,
    serverUrls,
    // A large document reaches the server from the first client, which starts with it (load-clients.ts).
    async createDocuments(count, clientsPerDocument) {
      const run = Date.now().toString(36)
      return Array.from({ length: count }, (_, i) => ({
        room: `bench-${run}-${i}`,
        clientParams: Array.from({ length: clientsPerDocument }, () => ({})),
      }))
    },
    usage: async (reset = false) =>
      combinedUsage(await Promise.all(children.map((child) => child.request<ProcessUsage>('usage', { reset })))),
    settledMemory: () => children[0]!.request<SettledMemory>('settledMemory'),
    storeCallTimes: async () => null,
    async close() {
      try {
        await Promise.all(children.map((child) => child.stop()))
      } finally {
        await release()
      }
    },
  }
}

export function startBenchServer(kind: ServerKind): Promise<BenchServer> {
  switch (kind) {
    case 'ours':
      return startOurServer()
    case 'reference':
    case 'hocuspocus':
      return startInMemoryServer(kind)
    case 'ours-pg':
    case 'ours-2':
    case 'hocuspocus-2':
      return startClusterServer(kind)
    default:
      return kind satisfies never
  }
}

const demoPassword = 'gongbei-demo'
/** Members of the demo 备课组, who may edit its documents: writers and readers are colleagues. */
const groupMembers = ['teacher1', 'teacher2', 'teacher3', 'leader']

export interface OurServer extends BenchServer {
  /** Stops the server (it stores what it holds) and starts it again on the same data, nothing in memory. */
  restart(): Promise<void>
  storedDigests(ids: string[]): Promise<Record<string, string>>
  storeDocumentFromFile(title: string, path: string): Promise<string>
  storeLoadTimes(id: string): Promise<number[]>
  /** Search entries the indexer has written since the server process started, restarts included. */
  searchEntriesWritten(): Promise<number>
  wsToken(username: string): Promise<string>
  /** Connection parameters (a fresh token each) for `count` clients, members of the demo group in turn. */
  clientParams(count: number): Promise<Record<string, string>[]>
}

/** Where our server keeps its data: SQLite in a temporary folder unless PostgreSQL (and Redis) are given. */
export interface OurSettings {
  kind: ServerKind
  databaseUrl?: string
  redis?: { url: string; prefix: string }
  /** Instances sharing the database (two need Redis). */
  instances: number
  /** Frees what the settings took (the database, the Redis keys), once the instances are stopped. */
  release?: () => Promise<void>
  /** Keep the search index current (SEARCH-11); on unless false. */
  searchIndexing?: boolean
}

export async function startOurServer(settings: OurSettings = { kind: 'ours', instances: 1 }): Promise<OurServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-bench-'))
  const removeDataDir = (): void => rmSync(dataDir, { recursive: true, force: true })
  // Also when the benchmark dies half-way (the child is killed by then, see ipc.ts).
  process.once('exit', removeDataDir)
  const children = Array.from({ length: settings.instances }, (_, i) =>
    ChildHandle.start(settings.instances > 1 ? `our server ${i + 1}` : 'our server', './our-server.ts'),
  )
  const child = children[0]!
  let httpUrls: string[] = []
  // One after the other: the first seeds the demo school into an empty database, the others find it.
  const start = async (): Promise<void> => {
    httpUrls = []
    for (const each of children) {
      const args = {
        dataDir,
        demoPassword,
        databaseUrl: settings.databaseUrl,
        redisUrl: settings.redis?.url,
        redisPrefix: settings.redis?.prefix,
        searchIndexing: settings.searchIndexing,
      }
      httpUrls.push((await each.request<{ url: string }>('start', args)).url)
    }
  }
  const httpUrl = (): string => httpUrls[0]!
  const cookies = new Map<string, string>()
  const login = async (username: string): Promise<string> => {
    const response = await fetch(`${httpUrl()}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: demoPassword }),
    })
    if (!response.ok) throw new Error(`login as ${username}: ${response.status} ${await response.text()}`)
    const cookie = response.headers
      .getSetCookie()
      .map((c) => c.split(';')[0]!)
      .join('; ')
    cookies.set(username, cookie)
    return cookie
  }
  // A token is a row: one taken from the first instance opens a connection to any (SCALE-7).
  const wsToken = async (username: string): Promise<string> => {
    const cookie = cookies.get(username) ?? (await login(username))
    const response = await fetch(`${httpUrl()}/api/auth/ws-token`, { method: 'POST', headers: { cookie } })
    if (!response.ok) throw new Error(`ws-token for ${username}: ${response.status} ${await response.text()}`)
    return ((await response.json()) as { token: string }).token
  }
  const clientParams = async (count: number, first: number): Promise<Record<string, string>[]> => {
    const params: Record<string, string>[] = []
    for (let c = 0; c < count; c++)
      params.push({ token: await wsToken(groupMembers[(c + first) % groupMembers.length]!) })
    return params
  }
  const stopAll = async (): Promise<void> => {
    for (const each of children) if (each.process.connected) await each.request('stop', null, 30_000)
  }
  const cleanUp = async (): Promise<void> => {
    await Promise.all(children.map((each) => each.stop()))
    removeDataDir()
    await settings.release?.()
  }
  try {
    await start()
  } catch (error) {
    await cleanUp()
    throw error
  }
  const collabUrl = (url: string): string => `ws://127.0.0.1:${new URL(url).port}/collab`
  return {
    kind: settings.kind,
    child,
    children,
    get serverUrl() {
      return collabUrl(httpUrl())
    },
    get serverUrls() {
      return httpUrls.map(collabUrl)
    },
    async createDocuments(count, clientsPerDocument, large) {
      const titles = Array.from({ length: count }, (_, i) => `基准测试导学案 ${i + 1}`)
      // A large document is stored compacted, as the server leaves a document it has compacted.
      const ids = large
        ? await Promise.all(
            titles.map((title) =>
              child.request<string>('storeDocumentFromFile', { title, path: largeDocumentPath(large) }),
            ),
          )
        : await child.request<string[]>('createDocuments', { titles })
      const documents: BenchDocument[] = []
      for (const [d, room] of ids.entries())
        documents.push({ room, clientParams: await clientParams(clientsPerDocument, d) })
      return documents
    },
    clientParams: (count) => clientParams(count, 0),
    usage: async (reset = false) =>
      combinedUsage(await Promise.all(children.map((each) => each.request<ProcessUsage>('usage', { reset })))),
    settledMemory: () => child.request<SettledMemory>('settledMemory'),
    storeCallTimes: (reset = false) => child.request('storeCallTimes', { reset }),
    async restart() {
      await stopAll()
      await start()
    },
    storedDigests: (ids) => child.request('storedDigests', { ids }),
    storeDocumentFromFile: (title, path) => child.request('storeDocumentFromFile', { title, path }),
    storeLoadTimes: (id) => child.request('storeLoadTimes', { id }),
    searchEntriesWritten: () => child.request('searchEntriesWritten'),
    wsToken,
    async close() {
      try {
        await stopAll()
      } finally {
        await cleanUp()
      }
    },
  }
}
