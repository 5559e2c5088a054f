/**
 * The other instances of the server, reached through Redis pub/sub (docs/ARCHITECTURE.md, SCALE-1 to
 * SCALE-7). Redis is only the fast path: every row is in PostgreSQL with its number before it is
 * published, so a message Redis drops (a restart, an eviction, a cut link) only delays a row until the
 * room reads it from the store, on the next row's gap, on the periodic check, or when Redis returns.
 *
 * - Each open document is a channel; an instance listens to those it has open.
 * - Every `heartbeatMs` each instance says it is alive; one silent for `peerTimeoutMs` is taken for dead,
 *   and the awareness states of its connections are removed everywhere (SCALE-3).
 * - Every `catchUpMs` (`catchUpWhileDownMs` while Redis is away) one query compares the last sequence
 *   numbers of the open documents with the rooms' and catches up those behind (SCALE-2).
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import type { InboxEventName } from '../../shared/api/notifications.ts'
import type { RegistryPeers, RoomRegistry } from '../collab/room-registry.ts'
import type { Room } from '../collab/room.ts'
import type { InboxHub, InboxPublisher } from '../notifications/inbox-hub.ts'
import { logger } from '../log/logger.ts'
import type { Store } from '../store/store.ts'
import { MalformedPeerMessage, type PeerMessage, readPeerMessage, writePeerMessage } from './peer-messages.ts'

export interface RedisPeersOptions {
  redisUrl: string
  /** Put before every channel name, so that several deployments (or tests) can share one Redis. */
  prefix?: string
  store: Pick<Store, 'updates'>
  heartbeatMs?: number
  peerTimeoutMs?: number
  catchUpMs?: number
  catchUpWhileDownMs?: number
}

/** How long the start waits for Redis before serving without it. */
const connectWaitMs = 5_000
/** How long opening a document waits for its channel before reading it anyway. */
const watchWaitMs = 1_000

export class RedisPeers implements RegistryPeers {
  readonly instanceId = randomUUID()
  private readonly prefix: string
  private readonly publisher: Redis
  private readonly subscriber: Redis
  private registry: RoomRegistry | null = null
  private hub: InboxHub | null = null
  private readonly lastHeard = new Map<string, number>()
  private readonly heartbeat: NodeJS.Timeout
  private catchUpTimer: NodeJS.Timeout | null = null
  /** Whether the subscriber is connected; while it is not, rows are read from the store more often. */
  private live = false
  private closed = false
  private readonly heartbeatMs: number
  private readonly peerTimeoutMs: number
  private readonly catchUpMs: number
  private readonly catchUpWhileDownMs: number

  constructor(private readonly options: RedisPeersOptions) {
    this.prefix = options.prefix ?? 'gongbei:'
    this.heartbeatMs = options.heartbeatMs ?? 2_000
    this.peerTimeoutMs = options.peerTimeoutMs ?? 8_000
    this.catchUpMs = options.catchUpMs ?? 2_000
    this.catchUpWhileDownMs = options.catchUpWhileDownMs ?? 500
    const where = describeRedis(options.redisUrl)
    const connection = {
      // Keep trying for as long as the server runs: PostgreSQL carries the rows meanwhile.
      retryStrategy: (times: number) => Math.min(100 * times, 1_000),
      connectTimeout: 2_000,
      lazyConnect: true,
    }
    // A publish while Redis is away fails at once rather than queueing stale rows for later.
    this.publisher = new Redis(options.redisUrl, { ...connection, enableOfflineQueue: false, maxRetriesPerRequest: 0 })
    this.subscriber = new Redis(options.redisUrl, { ...connection, maxRetriesPerRequest: null })
    let reported = false
    for (const client of [this.publisher, this.subscriber]) {
      client.on('error', (error: Error) => {
        if (reported || this.closed) return
        reported = true
        logger.error({ err: error, redis: where }, 'Redis failed; edits still go through PostgreSQL')
      })
    }
    this.subscriber.on('ready', () => {
      reported = false
      this.live = true
      this.resync()
    })
    this.subscriber.on('close', () => {
      this.live = false
    })
    this.subscriber.on('messageBuffer', (_channel: Buffer, message: Buffer) => this.receive(message))
    this.heartbeat = setInterval(() => this.beat(), this.heartbeatMs)
    this.heartbeat.unref()
  }

  /** Connects, waiting a few seconds at most: without Redis the instance still serves from PostgreSQL. */
  async start(registry: RoomRegistry, hub: InboxHub): Promise<void> {
    const options = this.options
    this.registry = registry
    this.hub = hub
    const connecting = Promise.all([
      this.publisher.connect(),
      this.subscriber.connect().then(() => this.subscriber.subscribe(this.instancesChannel)),
    ])
    connecting.catch(() => {})
    await withTimeout(connecting, connectWaitMs).catch(() => {
      logger.warn({ redis: describeRedis(options.redisUrl) }, 'Redis does not answer yet; serving from PostgreSQL')
    })
    this.beat()
    this.scheduleCatchUp()
  }

  /** Delivers inbox events on every instance, this one at once (SCALE-7). */
  inbox(hub: InboxHub): InboxPublisher {
    return {
      publish: async (userId: string, event: InboxEventName, data: unknown) => {
        this.send(this.instancesChannel, {
          kind: 'inbox',
          from: this.instanceId,
          userId,
          event,
          json: JSON.stringify(data),
        })
        await hub.publish(userId, event, data)
      },
    }
  }

  async watch(documentId: string): Promise<void> {
    const subscribing = this.subscriber.subscribe(this.channelOf(documentId))
    subscribing.catch(() => {})
    // Redis away: the subscription is made when it returns, and the room catches up then (`resync`).
    if (this.live) await withTimeout(subscribing, watchWaitMs).catch(() => {})
  }

  opened(room: Room): void {
    // Rows stored between the load's read and the subscription would otherwise wait for the next gap.
    void room.catchUp()
    this.send(this.channelOf(room.documentId), {
      kind: 'whoIsHere',
      from: this.instanceId,
      documentId: room.documentId,
    })
  }

  unwatch(documentId: string): void {
    this.subscriber.unsubscribe(this.channelOf(documentId)).catch(() => {})
  }

  stored(documentId: string, firstSeq: number, updates: readonly Uint8Array[]): void {
    this.send(this.channelOf(documentId), {
      kind: 'stored',
      from: this.instanceId,
      documentId,
      firstSeq,
      updates: [...updates],
    })
  }

  awareness(documentId: string, update: Uint8Array): void {
    this.send(this.channelOf(documentId), { kind: 'awareness', from: this.instanceId, documentId, update })
  }

  /** Tells the others this instance is leaving, so its awareness goes at once, and disconnects. */
  async close(): Promise<void> {
    this.closed = true
    clearInterval(this.heartbeat)
    if (this.catchUpTimer) clearTimeout(this.catchUpTimer)
    this.send(this.instancesChannel, { kind: 'leaving', from: this.instanceId })
    await withTimeout(this.publisher.quit(), 1_000).catch(() => {})
    this.publisher.disconnect()
    this.subscriber.disconnect()
  }

  private get instancesChannel(): string {
    return `${this.prefix}instances`
  }

  private channelOf(documentId: string): string {
    return `${this.prefix}doc:${documentId}`
  }

  private send(channel: string, message: PeerMessage): void {
    if (this.closed && message.kind !== 'leaving') return
    // While Redis is away the row is in PostgreSQL already, and the other instances read it from there.
    this.publisher.publish(channel, Buffer.from(writePeerMessage(message))).catch(() => {})
  }

  private receive(bytes: Buffer): void {
    let message: PeerMessage
    try {
      message = readPeerMessage(bytes)
    } catch (error) {
      if (error instanceof MalformedPeerMessage) return logger.error({ err: error }, 'unreadable message from Redis')
      throw error
    }
    if (message.from === this.instanceId) return
    this.lastHeard.set(message.from, Date.now())
    const registry = this.registry
    if (!registry) return
    switch (message.kind) {
      case 'stored':
        registry.find(message.documentId)?.receiveStored(message.firstSeq, message.updates)
        return
      case 'awareness':
        registry.find(message.documentId)?.receivePeerAwareness(message.from, message.update)
        return
      case 'whoIsHere': {
        const room = registry.find(message.documentId)
        for (const update of room?.awarenessHere() ?? []) this.awareness(message.documentId, update)
        return
      }
      case 'alive':
        return
      case 'leaving':
        this.forget(message.from)
        return
      case 'inbox':
        void this.hub?.publish(message.userId, message.event as InboxEventName, JSON.parse(message.json))
        return
      default:
        message satisfies never
    }
  }

  private beat(): void {
    this.send(this.instancesChannel, { kind: 'alive', from: this.instanceId })
    const silentSince = Date.now() - this.peerTimeoutMs
    for (const [instanceId, heard] of this.lastHeard) if (heard < silentSince) this.forget(instanceId)
  }

  private forget(instanceId: string): void {
    this.lastHeard.delete(instanceId)
    for (const room of this.registry?.openRooms() ?? []) room.dropPeer(instanceId)
  }

  /** Redis is (back) here: what was published while it was away is lost to us, so read the store. */
  private resync(): void {
    for (const room of this.registry?.openRooms() ?? []) {
      void room.catchUp()
      this.send(this.channelOf(room.documentId), {
        kind: 'whoIsHere',
        from: this.instanceId,
        documentId: room.documentId,
      })
    }
  }

  private scheduleCatchUp(): void {
    if (this.closed) return
    const delay = this.live ? this.catchUpMs : this.catchUpWhileDownMs
    this.catchUpTimer = setTimeout(() => {
      void this.catchUpBehind().finally(() => this.scheduleCatchUp())
    }, delay)
    this.catchUpTimer.unref()
  }

  /** One query for every open document; only rooms behind the store read their rows. */
  private async catchUpBehind(): Promise<void> {
    const rooms = [...(this.registry?.openRooms() ?? [])]
    if (rooms.length === 0) return
    let lastSeqs: Map<string, number>
    try {
      lastSeqs = await this.options.store.updates.lastSeqs(rooms.map((room) => room.documentId))
    } catch {
      // The store is away: the rooms refuse edits meanwhile (SCALE-6), and this runs again.
      return
    }
    for (const room of rooms) {
      if ((lastSeqs.get(room.documentId) ?? 0) > room.storedSeq) void room.catchUp()
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out')), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Host and port for messages, never the password. */
function describeRedis(redisUrl: string): string {
  try {
    const url = new URL(redisUrl)
    return `${url.hostname}:${url.port || '6379'}`
  } catch {
    return '(REDIS_URL is not a valid URL)'
  }
}
