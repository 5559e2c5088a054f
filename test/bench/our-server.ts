/**
 * Child process: our server with its real store, the demo school seeded: SQLite in a temporary folder, or
 * PostgreSQL, and then perhaps one of several instances relaying through Redis (`cluster-servers.ts`).
 * Besides starting and stopping, it creates the benchmark's documents and reads documents back from the
 * store, so the benchmark can check that what the clients saw is what was stored.
 */
import { readFileSync, rmSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import * as Y from 'yjs'
import { type RunningServer, startServer } from '../../server/start.ts'
import { UserLimits } from '../../server/collab/rate-limit.ts'
import { openStore } from '../../server/store/open-store.ts'
import type { Store } from '../../server/store/store.ts'
import { digestOf } from './bench-doc.ts'
import { serveRequests } from './ipc.ts'
import { usageRequests } from './process-usage.ts'
import { summarize } from './stats.ts'
import { profilerRequests } from './window-profiler.ts'

const benchGroupMember = 'teacher1'

let running: { server: RunningServer; store: Store } | null = null

/** Durations of the server's own store calls, to see where the loop is blocked (better-sqlite3 is synchronous). */
// `loadUpdatesAfter`: with several instances, each read of rows another instance stored (SCALE-2).
const timedMethods = ['loadDocumentState', 'appendUpdates', 'compactDocument', 'loadUpdatesAfter'] as const
type TimedMethod = (typeof timedMethods)[number]
let storeCalls = new Map<TimedMethod, number[]>()
/** `loadDocumentState` durations by document, for the cold-load report. */
let documentLoads = new Map<string, number[]>()

function record<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key) ?? []
  values.push(value)
  map.set(key, values)
}

/**
 * The real store, with the calls the server makes on the hot path timed. The wrappers and bound
 * methods are made once: the server reads `store.updates.appendUpdates` for every batch, and a new closure per
 * read was the benchmark's cost, charged to the server.
 */
function timedStore(store: Store): Store {
  const updates = store.updates
  const methods = new Map<PropertyKey, unknown>()
  for (const method of timedMethods) {
    const original = updates[method].bind(updates) as (documentId: string, ...rest: unknown[]) => Promise<unknown>
    methods.set(method, (documentId: string, ...rest: unknown[]) => {
      const started = performance.now()
      return original(documentId, ...rest).then((result) => {
        const elapsed = performance.now() - started
        record(storeCalls, method, elapsed)
        if (method === 'loadDocumentState') record(documentLoads, documentId, elapsed)
        return result
      })
    })
  }
  const timedUpdates = new Proxy(updates, {
    get(target, property) {
      if (methods.has(property)) return methods.get(property)
      const value = Reflect.get(target, property, target) as unknown
      if (typeof value !== 'function') return value
      const bound = value.bind(target) as unknown
      methods.set(property, bound)
      return bound
    },
  })
  return new Proxy(store, {
    get(target, property) {
      if (property === 'updates') return timedUpdates
      const value = Reflect.get(target, property, target) as unknown
      return typeof value === 'function' ? (value.bind(target) as unknown) : value
    },
  })
}

const unlimited = { framesPerSecond: Infinity, framesBurst: Infinity, bytesPerSecond: Infinity, bytesBurst: Infinity }

function current(): { server: RunningServer; store: Store } {
  if (!running) throw new Error('the server is not running')
  return running
}

async function demoGroup(store: Store): Promise<{ groupId: string; schoolId: string; userId: string }> {
  const member = await store.accounts.findUserByUsername(benchGroupMember)
  if (!member) throw new Error(`the demo school has no ${benchGroupMember}`)
  const [groupId] = await store.groups.groupIdsOfUser(member.id)
  if (!groupId) throw new Error(`${benchGroupMember} is in no group`)
  return { groupId, schoolId: member.schoolId, userId: member.id }
}

async function storedDoc(store: Store, documentId: string): Promise<Y.Doc> {
  const { snapshot, updates } = await store.updates.loadDocumentState(documentId)
  const doc = new Y.Doc()
  if (snapshot) Y.applyUpdate(doc, snapshot)
  for (const update of updates) Y.applyUpdate(doc, update)
  return doc
}

async function storedDigest(store: Store, documentId: string): Promise<string> {
  return digestOf(await storedDoc(store, documentId))
}

interface StartArgs {
  dataDir: string
  demoPassword: string
  databaseUrl?: string
  redisUrl?: string
  redisPrefix?: string
  /** Keep the search index current (SEARCH-11); on unless false. */
  searchIndexing?: boolean
}

/** Search entries the indexer wrote since this process started: shows that indexing ran. */
let searchEntriesWritten = 0

/** The store with the search index's writes counted. */
function countingSearchWrites(store: Store): Store {
  const search = store.search
  const counted: Store['search'] = Object.assign(Object.create(search) as Store['search'], {
    putSearchEntries: (entries: Parameters<Store['search']['putSearchEntries']>[0]) => {
      searchEntriesWritten += entries.length
      return search.putSearchEntries(entries)
    },
  })
  return new Proxy(store, {
    get(target, property) {
      if (property === 'search') return counted
      const value = Reflect.get(target, property, target) as unknown
      return typeof value === 'function' ? (value.bind(target) as unknown) : value
    },
  })
}

serveRequests({
  start: async ({ dataDir, demoPassword, databaseUrl, redisUrl, redisPrefix, searchIndexing }: StartArgs) => {
    // The benchmark removes the folder when it ends; this covers a benchmark killed before it could.
    process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }))
    const store = countingSearchWrites(timedStore(await openStore({ dataDir, databaseUrl })))
    documentLoads = new Map()
    // The simulated teachers share four demo accounts: per-user limits would count them as four people.
    const userLimits = new UserLimits({ connectionsPerUser: Infinity, rates: unlimited, now: () => performance.now() })
    const server = await startServer({
      port: 0,
      dataDir,
      databaseUrl,
      redisUrl,
      redisPrefix,
      store,
      demo: true,
      demoPassword,
      serveClient: false,
      userLimits,
      searchIndexing,
    })
    running = { server, store }
    return { url: server.url, port: server.port }
  },
  stop: async () => {
    if (!running) return
    const { server, store } = running
    running = null
    await server.close()
    await store.close()
  },
  createDocuments: async ({ titles }: { titles: string[] }) => {
    const { store } = current()
    const { groupId, schoolId, userId } = await demoGroup(store)
    const ids: string[] = []
    for (const title of titles) {
      const doc = await store.documents.createDocument({
        groupId,
        schoolId,
        title,
        kind: 'lesson-plan',
        createdBy: userId,
      })
      ids.push(doc.id)
    }
    return ids
  },
  /** Stores a Yjs update file as a document's compacted state, as the server's compaction would leave it. */
  storeDocumentFromFile: async ({ title, path }: { title: string; path: string }) => {
    const { store } = current()
    const { groupId, schoolId, userId } = await demoGroup(store)
    const doc = await store.documents.createDocument({
      groupId,
      schoolId,
      title,
      kind: 'lesson-plan',
      createdBy: userId,
    })
    const update = new Uint8Array(readFileSync(path))
    const seq = await store.updates.appendUpdates(doc.id, [update])
    await store.updates.compactDocument(doc.id, update, seq, Y.encodeStateVectorFromUpdate(update))
    return doc.id
  },
  storedDigests: async ({ ids }: { ids: string[] }) => {
    const { store } = current()
    const digests: Record<string, string> = {}
    for (const id of ids) digests[id] = await storedDigest(store, id)
    return digests
  },
  storeLoadTimes: async ({ id }: { id: string }) => documentLoads.get(id) ?? [],
  searchEntriesWritten: async () => searchEntriesWritten,
  /** Each stored document's state vector, as a plain object of client → clock. */
  storedStateVectors: async ({ ids }: { ids: string[] }) => {
    const vectors: Record<string, Record<number, number>> = {}
    for (const id of ids)
      vectors[id] = Object.fromEntries(Y.decodeStateVector(Y.encodeStateVector(await storedDoc(current().store, id))))
    return vectors
  },
  /** Lengths of the named root texts of a stored document: the flood and soak count their characters. */
  storedTextLengths: async ({ id, names }: { id: string; names: string[] }) => {
    const doc = await storedDoc(current().store, id)
    return names.map((name) => doc.getText(name).length)
  },
  /** Store calls since the last reset, by method. */
  storeCallTimes: async ({ reset }: { reset: boolean }) => {
    const times = Object.fromEntries(timedMethods.map((m) => [m, summarize(storeCalls.get(m) ?? [])]))
    if (reset) storeCalls = new Map()
    return times
  },
  ...usageRequests,
  ...profilerRequests,
})
