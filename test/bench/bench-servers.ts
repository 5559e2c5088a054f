/**
 * The servers under test, each in its own child process, behind one interface: where clients
 * connect, how a document and its clients are set up, and how much CPU and memory the server has used.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ChildHandle } from './ipc.ts'
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
  readonly child: ChildHandle
  /** Base URL for `WebsocketProvider` (the room name is appended). */
  readonly serverUrl: string
  /** With `large`, each document starts as that trace document (see `largeDocumentPath`). */
  createDocuments(count: number, clientsPerDocument: number, large?: LargeDocument | null): Promise<BenchDocument[]>
  /** `reset` starts a new window for the peak RSS and the event-loop delay. */
  usage(reset?: boolean): Promise<ProcessUsage>
  /** Memory after a garbage collection: what the server holds, not what it has yet to free. */
  settledMemory(): Promise<SettledMemory>
  /** How long the server's store calls took since the last reset; null for a server without a store. */
  storeCallTimes(reset?: boolean): Promise<Record<string, CallTimes> | null>
  close(): Promise<void>
}

/** A server that keeps documents in memory and takes any client: the reference, or Hocuspocus. */
export async function startInMemoryServer(kind: Exclude<ServerKind, 'ours'>): Promise<BenchServer> {
  const script = kind === 'reference' ? './reference-server.ts' : './hocuspocus-server.ts'
  const child = ChildHandle.start(`${kind} server`, script)
  try {
    const { port } = await child.request<{ port: number }>('start')
    return {
      kind,
      child,
      serverUrl: `ws://127.0.0.1:${port}`,
      // A large document reaches the server from the first client, which starts with it (load-clients.ts).
      async createDocuments(count, clientsPerDocument) {
        const run = Date.now().toString(36)
        return Array.from({ length: count }, (_, i) => ({
          room: `bench-${run}-${i}`,
          clientParams: Array.from({ length: clientsPerDocument }, () => ({})),
        }))
      },
      usage: (reset = false) => child.request<ProcessUsage>('usage', { reset }),
      settledMemory: () => child.request<SettledMemory>('settledMemory'),
      storeCallTimes: async () => null,
      close: () => child.stop(),
    }
  } catch (error) {
    await child.stop()
    throw error
  }
}

export function startBenchServer(kind: ServerKind): Promise<BenchServer> {
  return kind === 'ours' ? startOurServer() : startInMemoryServer(kind)
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
  wsToken(username: string): Promise<string>
  /** Connection parameters (a fresh token each) for `count` clients, members of the demo group in turn. */
  clientParams(count: number): Promise<Record<string, string>[]>
}

export async function startOurServer(): Promise<OurServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-bench-'))
  const removeDataDir = (): void => rmSync(dataDir, { recursive: true, force: true })
  // Also when the benchmark dies half-way (the child is killed by then, see ipc.ts).
  process.once('exit', removeDataDir)
  const child = ChildHandle.start('our server', './our-server.ts')
  let httpUrl = ''
  const start = async (): Promise<void> => {
    httpUrl = (await child.request<{ url: string }>('start', { dataDir, demoPassword })).url
  }
  const cookies = new Map<string, string>()
  const login = async (username: string): Promise<string> => {
    const response = await fetch(`${httpUrl}/api/auth/login`, {
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
  const wsToken = async (username: string): Promise<string> => {
    const cookie = cookies.get(username) ?? (await login(username))
    const response = await fetch(`${httpUrl}/api/auth/ws-token`, { method: 'POST', headers: { cookie } })
    if (!response.ok) throw new Error(`ws-token for ${username}: ${response.status} ${await response.text()}`)
    return ((await response.json()) as { token: string }).token
  }
  const clientParams = async (count: number, first: number): Promise<Record<string, string>[]> => {
    const params: Record<string, string>[] = []
    for (let c = 0; c < count; c++)
      params.push({ token: await wsToken(groupMembers[(c + first) % groupMembers.length]!) })
    return params
  }
  try {
    await start()
  } catch (error) {
    await child.stop()
    removeDataDir()
    throw error
  }
  const port = (): string => new URL(httpUrl).port
  return {
    kind: 'ours',
    child,
    get serverUrl() {
      return `ws://127.0.0.1:${port()}/collab`
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
    usage: (reset = false) => child.request<ProcessUsage>('usage', { reset }),
    settledMemory: () => child.request<SettledMemory>('settledMemory'),
    storeCallTimes: (reset = false) => child.request('storeCallTimes', { reset }),
    async restart() {
      await child.request('stop')
      await start()
    },
    storedDigests: (ids) => child.request('storedDigests', { ids }),
    storeDocumentFromFile: (title, path) => child.request('storeDocumentFromFile', { title, path }),
    storeLoadTimes: (id) => child.request('storeLoadTimes', { id }),
    wsToken,
    async close() {
      try {
        if (child.process.connected) await child.request('stop', null, 30_000)
      } finally {
        await child.stop()
        removeDataDir()
      }
    },
  }
}
