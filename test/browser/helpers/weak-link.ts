/**
 * A weak school network on loopback: a TCP proxy in front of the server that delivers every chunk late
 * (a delay drawn per chunk from `delayMs`, never out of order) and cuts every collab WebSocket that is
 * open about every `cutEveryMs`, without a closing handshake, as a dropped Wi-Fi does. HTTP goes through
 * with the same delay and is never cut, so pages and the API still load.
 *
 * Unlike `network-link.ts`, which switches Chromium's own network off and on, this keeps a socket
 * open but slow, so frames cross each other: the server's sync step 1 reaches the page only after
 * keystrokes the page sent on the new connection.
 */
import net from 'node:net'

export interface WeakLinkOptions {
  /** Upstream: the server's port on 127.0.0.1. */
  targetPort: number
  delayMs: readonly [min: number, max: number]
  cutEveryMs: number
  random: () => number
}

interface Pair {
  client: net.Socket
  upstream: net.Socket
  collab: boolean
}

export class WeakLink {
  /** How many collab connections were cut so far. */
  cuts = 0
  private readonly pairs = new Set<Pair>()
  private cutTimer: ReturnType<typeof setTimeout> | undefined

  private constructor(
    private readonly server: net.Server,
    private readonly options: WeakLinkOptions,
  ) {}

  static async start(options: WeakLinkOptions): Promise<WeakLink> {
    const server = net.createServer()
    const link = new WeakLink(server, options)
    server.on('connection', (client) => link.accept(client))
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    link.scheduleCut()
    return link
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as net.AddressInfo).port}`
  }

  async stop(): Promise<void> {
    clearTimeout(this.cutTimer)
    for (const pair of this.pairs) this.drop(pair)
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }

  private accept(client: net.Socket): void {
    const upstream = net.connect(this.options.targetPort, '127.0.0.1')
    const pair: Pair = { client, upstream, collab: false }
    this.pairs.add(pair)
    client.once('data', (first: Buffer) => {
      pair.collab = first.subarray(0, 12).toString('latin1') === 'GET /collab/'
    })
    this.pipe(client, upstream)
    this.pipe(upstream, client)
    for (const socket of [client, upstream]) {
      socket.on('error', () => this.drop(pair))
      // Each side's end reaches the other through the queue, after the data ahead of it.
      socket.on('close', () => {
        if (client.destroyed && upstream.destroyed) this.pairs.delete(pair)
      })
    }
  }

  /** Each chunk is written once its delay has passed, and never before the chunk ahead of it. */
  private pipe(from: net.Socket, to: net.Socket): void {
    const queue: { due: number; chunk: Buffer | null }[] = []
    let timer: ReturnType<typeof setTimeout> | null = null
    // One timer per direction, for the chunk at the head: timers of different lengths that end in the
    // same millisecond may fire in either order.
    const drain = (): void => {
      timer = null
      while (queue.length > 0 && queue[0]!.due <= Date.now()) {
        const { chunk } = queue.shift()!
        if (to.destroyed) continue
        if (chunk === null) to.end()
        else to.write(chunk)
      }
      if (queue.length > 0) timer = setTimeout(drain, queue[0]!.due - Date.now())
    }
    const enqueue = (chunk: Buffer | null): void => {
      const [min, max] = this.options.delayMs
      const due = Math.max(queue.at(-1)?.due ?? 0, Date.now() + min + this.options.random() * (max - min))
      queue.push({ due, chunk })
      if (timer === null) timer = setTimeout(drain, due - Date.now())
    }
    from.on('data', (chunk: Buffer) => enqueue(chunk))
    from.on('end', () => enqueue(null))
  }

  private drop(pair: Pair): void {
    if (!this.pairs.delete(pair)) return
    pair.client.destroy()
    pair.upstream.destroy()
  }

  private scheduleCut(): void {
    const every = this.options.cutEveryMs * (0.75 + this.options.random() / 2)
    this.cutTimer = setTimeout(() => {
      for (const pair of this.pairs) {
        if (!pair.collab) continue
        this.cuts++
        this.drop(pair)
      }
      this.scheduleCut()
    }, every)
  }
}
