/**
 * Request/reply over the Node IPC channel between the benchmark and its child processes (servers and
 * load clients). Each child answers named requests; the parent awaits the reply to each.
 */
import { type ChildProcess, fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'

interface RequestMessage {
  id: number
  type: string
  args: unknown
}

interface ReplyMessage {
  id: number
  ok: boolean
  value?: unknown
  error?: string
}

export type RequestHandlers = Record<string, (args: never) => Promise<unknown>>

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** In a child: answers requests from the parent, and exits when the parent goes away. */
export function serveRequests(handlers: RequestHandlers): void {
  if (!process.send) throw new Error('this script runs as a child of the benchmark')
  process.on('message', (message: RequestMessage) => {
    const handler = handlers[message.type] as ((args: unknown) => Promise<unknown>) | undefined
    const reply = (r: Omit<ReplyMessage, 'id'>): void => void process.send?.({ id: message.id, ...r })
    if (!handler) return reply({ ok: false, error: `unknown request ${message.type}` })
    handler(message.args).then(
      (value) => reply({ ok: true, value }),
      (error: unknown) =>
        reply({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    )
  })
  // A benchmark that dies must not leave servers and clients running.
  process.on('disconnect', () => process.exit(0))
}

const liveChildren = new Set<ChildProcess>()
process.on('exit', () => {
  for (const child of liveChildren) child.kill('SIGKILL')
})

/** In the parent: a TypeScript child process run through tsx, answering requests. */
export class ChildHandle {
  private nextId = 1
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>()
  private exited: Error | null = null

  private constructor(
    readonly name: string,
    readonly process: ChildProcess,
  ) {
    process.on('message', (message: ReplyMessage) => {
      const waiter = this.pending.get(message.id)
      if (!waiter) return
      this.pending.delete(message.id)
      if (message.ok) waiter.resolve(message.value)
      else waiter.reject(new Error(`${name}: ${message.error}`))
    })
    process.on('exit', (code, signal) => {
      liveChildren.delete(process)
      this.exited = new Error(`${name} exited (${signal ?? code})`)
      for (const waiter of this.pending.values()) waiter.reject(this.exited)
      this.pending.clear()
    })
  }

  static start(name: string, script: string): ChildHandle {
    const child = fork(fileURLToPath(new URL(script, import.meta.url)), [], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // A log line per connection would bury the results.
      env: { ...process.env, GONGBEI_LOG_LEVEL: process.env.GONGBEI_LOG_LEVEL ?? 'warn' },
      // Lets results carry typed arrays of latencies.
      serialization: 'advanced',
    })
    liveChildren.add(child)
    return new ChildHandle(name, child)
  }

  get pid(): number {
    return this.process.pid ?? -1
  }

  request<T>(type: string, args: unknown = null, timeoutMs = 120_000): Promise<T> {
    if (this.exited) return Promise.reject(this.exited)
    const id = this.nextId++
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        reject(new Error(`${this.name}: no reply to ${type} within ${timeoutMs} ms`))
      }, timeoutMs)
      this.pending.set(id, {
        resolve: (value) => {
          clearTimeout(timer)
          resolve(value as T)
        },
        reject: (error) => {
          clearTimeout(timer)
          reject(error)
        },
      })
      this.process.send({ id, type, args } satisfies RequestMessage)
    })
  }

  /** Ends the child: politely through IPC disconnect, then by force after `graceMs`. */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return
    const exited = new Promise<void>((resolve) => this.process.once('exit', () => resolve()))
    if (this.process.connected) this.process.disconnect()
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs)
    await exited
    clearTimeout(timer)
  }
}
