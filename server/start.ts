/**
 * Wires the server together: store → rooms → HTTP app and WebSocket upgrades on one port.
 */
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import type { SignInThrottle } from './auth/login-throttle.ts'
import type { ScryptCost } from './auth/passwords.ts'
import { startSessionSweeper } from './auth/session-sweeper.ts'
import type { SsoSettings } from './auth/sso-settings.ts'
import { RoomRegistry } from './collab/room-registry.ts'
import type { Cooldowns, UserLimits } from './collab/rate-limit.ts'
import { createUpgradeHandler } from './collab/upgrade.ts'
import { type DemoAccount, seedDemo } from './demo/seed.ts'
import { PdfRenderer } from './export/pdf/pdf-renderer.ts'
import { createApp } from './http/app.ts'
import { createMetrics } from './metrics.ts'
import { InboxHub } from './notifications/inbox-hub.ts'
import { NotificationService } from './notifications/notification-service.ts'
import { StorePresenceLog } from './presence/presence-log.ts'
import { FirstRunGate } from './school/first-run-gate.ts'
import { SearchIndexer } from './search/search-indexer.ts'
import { openStore } from './store/open-store.ts'
import type { Store, UpdateStore } from './store/store.ts'

/** Longer than the idle time of nginx's kept-alive upstream connections (60 s) and of Node's fetch. */
const keepAliveMs = 65_000

export interface StartOptions {
  port?: number
  host?: string
  /** SQLite lives here unless `databaseUrl` is set. */
  dataDir?: string
  /** `postgres://…` to use PostgreSQL. */
  databaseUrl?: string
  /** `redis://…`: one of several instances sharing the PostgreSQL database (SCALE-1). */
  redisUrl?: string
  /** Put before every Redis channel name; each test run takes its own. */
  redisPrefix?: string
  /** How often the instances compare sequence numbers with the store (SCALE-2); tests shorten it. */
  catchUpMs?: number
  /** Seed the demo school into an empty database. */
  demo?: boolean
  demoPassword?: string
  /** How hard the demo accounts' password hashes are; the default's unless given (tests pass a cheap one). */
  demoPasswordCost?: ScryptCost
  /** Seed the demo group's 备课计划 too (default); tests that plan from nothing turn it off. */
  demoPlan?: boolean
  /** Serve the built client from `client/dist`. */
  serveClient?: boolean
  /** Serve it from this folder instead: each browser test run builds its own. */
  clientDir?: string
  /** The chromium that prints PDFs; `/usr/bin/chromium` by default. */
  chromiumPath?: string
  /** Fold a document's update log into its snapshot after this many updates. */
  compactAfter?: number
  /** How often expired sessions and ws tokens are deleted (they are once at start too). */
  sessionSweepMs?: number
  /** One reverse proxy in front terminates TLS and sets `X-Forwarded-*` (`GONGBEI_TRUST_PROXY=1`). */
  trustProxy?: boolean
  /** Counts failed sign-ins; tests pass one with small limits. With Redis, shared by the instances (SCALE-8). */
  loginThrottle?: SignInThrottle
  /** Use this store instead of opening one (tests inject failing stores). */
  store?: Store
  /**
   * Per-user limits on collaboration connections and frames (docs/BOUNDS.md); those of
   * `shared/limits.ts` by default. The benchmark, whose simulated teachers share four accounts, lifts them.
   */
  userLimits?: UserLimits
  /**
   * Users cut off for sending too much and their pauses (BOUNDS-11); those of `shared/limits.ts` by
   * default. The hostile suite, whose attackers are cut off run after run, shortens them.
   */
  cooldowns?: Cooldowns
  /** Single sign-on through the school's OpenID Connect provider (`GONGBEI_OIDC_*`). */
  sso?: SsoSettings | null
  /** How long after a change search indexes it, and rests between sweeps (default half a second and five seconds; tests shorten both). */
  searchIndexDelayMs?: number
  /**
   * Whether this instance keeps the search index current (SEARCH-11; default true, `GONGBEI_SEARCH_INDEX=0`
   * turns it off). Without it the instance still answers searches from the index others keep.
   */
  searchIndexing?: boolean
}

export interface RunningServer {
  url: string
  port: number
  store: Store
  /** Keeps search current (started only with `searchIndexing`); tests sweep it to find a change at once. */
  searchIndexer: SearchIndexer
  /** Accounts created by the demo seed on this start, empty if the database already had users. */
  demoAccounts: DemoAccount[]
  /**
   * The one-time token of the first-run page while the database has no account (print it for whoever
   * runs the server); null once used, or if there were accounts at start-up.
   */
  readonly firstRunToken: string | null
  close(): Promise<void>
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  if (options.redisUrl && !options.databaseUrl && !options.store) {
    throw new Error('REDIS_URL needs DATABASE_URL: several instances share a PostgreSQL database, never SQLite')
  }
  const store =
    options.store ?? (await openStore({ dataDir: options.dataDir ?? './data', databaseUrl: options.databaseUrl }))
  const demoAccounts =
    options.demo === false
      ? []
      : await seedDemo(store, {
          password: options.demoPassword ?? 'gongbei-demo',
          plan: options.demoPlan,
          passwordCost: options.demoPasswordCost,
        })
  // Rate limits, the first-run token and the relay, shared by the instances (SCALE-1 to SCALE-9). Loaded
  // only for several instances, and single sign-on only when configured: a school's one small server
  // keeps neither client in memory.
  const cluster = options.redisUrl ? await joinClusterOf(store, options.redisUrl, options) : null
  // Without the demo, an empty database gets no account by itself: the office creates the first one.
  const firstRun = cluster?.firstRun ?? (await FirstRunGate.open(store))
  const loginThrottle = options.loginThrottle ?? cluster?.loginThrottle
  const sso = options.sso ? await ssoClientOf(options.sso) : null

  const sessionSweeper = startSessionSweeper(store, options.sessionSweepMs)
  const metrics = createMetrics(() => registry.openCount)
  const inboxHub = new InboxHub()
  const peers = cluster?.peers ?? null
  const notifications = new NotificationService(store, peers ? peers.inbox(inboxHub) : inboxHub)
  const searchIndexer = new SearchIndexer(store, {
    delayMs: options.searchIndexDelayMs,
    restMs: options.searchIndexDelayMs,
  })
  const searchIndexing = options.searchIndexing ?? true
  const registry = new RoomRegistry({
    store: {
      updates: searchIndexing
        ? announcingWrites(store.updates, (documentId) => searchIndexer.documentChanged(documentId))
        : store.updates,
    },
    metrics,
    peers: peers ?? undefined,
    compactAfter: options.compactAfter,
    // The service catches its own failures; the room goes on at once, not waiting for it.
    onThreadActivity: (report) => void notifications.threadActivity(report),
  })
  const presence = new StorePresenceLog(store)
  const pdf = new PdfRenderer({ executablePath: options.chromiumPath })
  const app = createApp({
    store,
    registry,
    presence,
    metricsRegistry: metrics.registry,
    serveClient: options.serveClient ?? true,
    clientDir: options.clientDir,
    pdf,
    inbox: { hub: inboxHub, notifications },
    trustProxy: options.trustProxy,
    loginThrottle,
    firstRun,
    sso,
  })
  await peers?.start(registry, inboxHub)
  const upgrades = createUpgradeHandler({
    store,
    registry,
    metrics,
    presence,
    userLimits: options.userLimits,
    cooldowns: options.cooldowns ?? cluster?.cooldowns,
  })

  // Without `createServer` the adaptor makes a plain node:http server.
  // Any request that may have changed something (a plan entry, a 定稿, a record) starts a sweep once done.
  const fetch: typeof app.fetch = async (request, ...rest) => {
    const response = await app.fetch(request, ...rest)
    if (searchIndexing && request.method !== 'GET' && request.method !== 'HEAD') searchIndexer.changed()
    return response
  }
  const server = createAdaptorServer({ fetch }) as Server
  // An idle kept-alive connection should be closed by its client (a browser, a proxy's pool of upstream
  // connections) before the server closes it: the other way round, a request sent just as the server
  // closes the socket fails with a reset, which a busy machine makes likely (Node's default is 5 s).
  server.keepAliveTimeout = keepAliveMs
  server.headersTimeout = keepAliveMs + 1_000
  server.on('upgrade', upgrades.handler)
  const host = options.host ?? '127.0.0.1'
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 3000, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  if (searchIndexing) searchIndexer.start()

  return {
    url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    port,
    store,
    searchIndexer,
    demoAccounts,
    get firstRunToken() {
      return firstRun.token
    },
    async close() {
      upgrades.close()
      // Store what the rooms accepted before the sockets go, then stop listening.
      await registry.shutdown()
      await searchIndexer.stop()
      // The rooms' last reports may still be turning into notifications.
      await notifications.settle()
      await peers?.close()
      cluster?.commands.disconnect()
      await presence.close()
      await pdf.close()
      await sessionSweeper.stop()
      // Open inbox streams would otherwise keep the server from closing until their clients leave.
      inboxHub.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      if (!options.store) await store.close()
    },
  }
}

async function joinClusterOf(store: Store, redisUrl: string, options: StartOptions) {
  const { joinCluster } = await import('./cluster/join-cluster.ts')
  return joinCluster(store, { redisUrl, redisPrefix: options.redisPrefix ?? 'gongbei:', catchUpMs: options.catchUpMs })
}

async function ssoClientOf(settings: SsoSettings) {
  const { SsoClient } = await import('./auth/sso-client.ts')
  return new SsoClient(settings)
}

/** The update log, telling `stored` after each append it has made durable (the room's writes included). */
function announcingWrites(updates: UpdateStore, stored: (documentId: string) => void): UpdateStore {
  return new Proxy(updates, {
    get(target, property, receiver) {
      if (property !== 'appendUpdates') return Reflect.get(target, property, receiver) as unknown
      return async (documentId: string, rows: readonly Uint8Array[]) => {
        const seq = await target.appendUpdates(documentId, rows)
        stored(documentId)
        return seq
      }
    },
  })
}
