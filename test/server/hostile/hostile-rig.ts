/**
 * A real server under attack, and what the hostile suite measures on it: how long `/healthz` takes to
 * answer while an attack runs, whether an honest colleague's typing is stored, and what a fresh load
 * of the document holds. Every wait has its own deadline that fails with what was awaited, and every
 * socket, client and server is closed in `finally`, so a run that goes wrong fails instead of hanging.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { Cooldowns } from '../../../server/collab/rate-limit.ts'
import type { StartOptions } from '../../../server/start.ts'
import { CloseCode, retryAfterMs } from '../../../shared/protocol/close-codes.ts'
import { contentOf, textNodes } from '../../../shared/threads/thread-anchor.ts'
import { apiClientFor } from '../../helpers/api-client.ts'
import { connectClient, covers, login, type TestClient } from '../../helpers/collab-client.ts'
import { addLesson, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { openRawSocket, type RawSocket } from '../../helpers/raw-socket.ts'
import { createDocumentInDemoGroup, startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { paragraph } from '../../shared/threads/thread-fixtures.ts'
import { type Attack, describeAttack, framesOf } from './attacks.ts'

/** Settles like `promise`, or fails after `ms` saying what did not happen. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Polls `condition` until it holds, failing after `ms`. */
export async function until(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

const waitMs = 20_000

/**
 * Asks `/healthz` one request after another until stopped, and keeps the slowest answer. A request
 * that gets no answer within `giveUpMs` counts as taking that long.
 */
export class HealthProbe {
  private running = true
  private readonly done: Promise<void>
  private slowest = 0
  private answers = 0

  constructor(baseUrl: string, giveUpMs = waitMs) {
    this.done = this.poll(baseUrl, giveUpMs)
  }

  private async poll(baseUrl: string, giveUpMs: number): Promise<void> {
    while (this.running) {
      const started = performance.now()
      try {
        const response = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(giveUpMs) })
        await response.arrayBuffer()
        if (response.status !== 200) throw new Error(`healthz answered ${response.status}`)
      } catch (error) {
        if (!(error instanceof Error && error.name === 'TimeoutError')) throw error
      }
      this.slowest = Math.max(this.slowest, performance.now() - started)
      this.answers++
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }

  /** The slowest answer, in milliseconds, once the request in flight has finished. */
  async stop(): Promise<{ slowestMs: number; answers: number }> {
    this.running = false
    await within(this.done, waitMs + 1_000, 'the last /healthz answer')
    return { slowestMs: this.slowest, answers: this.answers }
  }
}

export type AttackerAccess = 'edit' | 'comment' | 'read'

/** Who attacks and who works honestly beside them, for each access level of the attacker. */
const cast: Record<AttackerAccess, { attacker: string; honest: string; document: 'free' | 'draft' }> = {
  // Both are members of the demo group: a free document of the group is theirs to edit.
  edit: { attacker: 'teacher3', honest: 'teacher2', document: 'free' },
  // The 区教研员 comments on a lesson in 主备, whose 主备人 teacher1 edits.
  comment: { attacker: 'guest', honest: 'teacher1', document: 'draft' },
  // The 区教研员 only reads a free document of the group.
  read: { attacker: 'guest', honest: 'teacher2', document: 'free' },
}

export interface AttackOutcome {
  slowestHealthMs: number
  /** What the honest colleague typed, as it must be found in the document. */
  typed: string
  documentId: string
}

export class HostileRig {
  private readonly cookies = new Map<string, Promise<string>>()
  private readonly open = new Set<{ close(): void }>()
  /** Documents attacked so far, with what the honest colleague typed into each. */
  readonly attacked: { documentId: string; typed: string; honest: string }[] = []
  private runs = 0

  private constructor(
    public server: TestServer,
    private readonly options: StartOptions & { dataDir?: string },
  ) {}

  /**
   * SQLite in a data dir of its own unless `databaseUrl` is given; the dir outlives restarts. The
   * attackers' pauses (BOUNDS-11) are a fraction of a second instead of 5 to 60 s: attackers are cut off
   * run after run, and waiting out real pauses would be most of the suite's time. The real pause has
   * tests of its own (`test/server/collab/flood.test.ts`, `rate-limit.test.ts`).
   */
  static async start(options: StartOptions = {}): Promise<HostileRig> {
    const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-hostile-'))
    const cooldowns = new Cooldowns({ firstMs: 100, longestMs: 800, now: performance.now.bind(performance) })
    const rigOptions = { cooldowns, ...options, dataDir }
    try {
      return new HostileRig(await within(startTestServer(rigOptions), 60_000, 'the server starts'), rigOptions)
    } catch (error) {
      rmSync(dataDir, { recursive: true, force: true })
      throw error
    }
  }

  async token(username: string): Promise<string> {
    if (!this.cookies.has(username)) this.cookies.set(username, login(this.server.url, username))
    const cookie = await within(this.cookies.get(username)!, waitMs, `${username} signs in`)
    const response = await within(
      fetch(`${this.server.url}/api/auth/ws-token`, { method: 'POST', headers: { cookie } }),
      waitMs,
      `a ws token for ${username}`,
    )
    return ((await response.json()) as { token: string }).token
  }

  async documentFor(access: AttackerAccess): Promise<string> {
    if (cast[access].document === 'free')
      return within(createDocumentInDemoGroup(this.server, '受攻击的导学案'), waitMs, 'a new document')
    const leader = await within(apiClientFor(this.server.url, 'leader'), waitMs, 'the leader signs in')
    const groupId = await within(demoGroupId(leader), waitMs, 'the demo group')
    const lesson = await within(
      addLesson(leader, groupId, planInput(await userId(this.server, cast.comment.honest))),
      waitMs,
      'a lesson in 主备',
    )
    return lesson.documentId
  }

  /** A y-websocket client with acks, synced; closed with the rig. */
  async join(documentId: string, username: string): Promise<TestClient> {
    const client = connectClient(this.server.url, documentId, await this.token(username), { acks: true })
    this.open.add({ close: () => client.destroy() })
    await until(() => client.provider.synced, waitMs, `${username} syncs`)
    return client
  }

  /**
   * A bare socket, once the server has opened the document for it. An attacker cut off in an earlier
   * run is refused until its pause is over (BOUNDS-11): it waits as long as it is told, so that every
   * run's attacks reach the server.
   */
  async raw(documentId: string, username: string): Promise<RawSocket> {
    for (;;) {
      const socket = await within(
        openRawSocket(this.server.url, documentId, await this.token(username)),
        waitMs,
        `${username} opens a socket`,
      )
      this.open.add({ close: () => socket.ws.terminate() })
      await until(
        () => socket.received.length > 0 || socket.ws.readyState === socket.ws.CLOSED,
        waitMs,
        `the server opens the document for ${username}`,
      )
      if (socket.received.length > 0) return socket
      const { code, reason } = await within(socket.closed, waitMs, `why ${username} was refused`)
      if (code !== CloseCode.rateLimited) throw new Error(`${username} was refused with ${code} (${reason})`)
      // Refused for too many connections, the reason names no pause: those of earlier runs are closing.
      await new Promise((resolve) => setTimeout(resolve, Math.max(50, retryAfterMs(reason))))
    }
  }

  /**
   * The slowest `/healthz` answer while an honest editor types beside another who pastes a chapter:
   * ordinary heavy work, the measure the attacks are held to.
   */
  async baselineMs(): Promise<number> {
    const documentId = await this.documentFor('edit')
    const honest = await this.join(documentId, 'teacher2')
    const paster = await this.join(documentId, 'leader')
    const probe = new HealthProbe(this.server.url)
    let slowest: number
    try {
      contentOf(paster.doc).push([paragraph('等式两边同时加上同一个数，等式仍然成立。'.repeat(2_000))])
      await this.type(honest, '基线：照常备课')
      await until(
        () => honest.frames.acked === honest.frames.sent && paster.frames.acked === paster.frames.sent,
        waitMs,
        'the baseline edits are stored',
      )
    } finally {
      slowest = (await probe.stop()).slowestMs
      this.closeAll()
    }
    return slowest
  }

  /**
   * Runs `attacks` one after another from one connection of the given access level while an honest
   * colleague types, then checks what the colleague typed is stored exactly.
   */
  async attack(access: AttackerAccess, attacks: readonly Attack[]): Promise<AttackOutcome> {
    const { attacker, honest: honestName } = cast[access]
    const documentId = await this.documentFor(access)
    const run = ++this.runs
    const typed = `第${run}次：照常备课，移项要变号`
    const frames = attacks.map((attack) => framesOf(attack, 10 + run))
    const what = attacks.map(describeAttack).join(' then ')
    let probe: HealthProbe | null = null
    let slowestHealthMs: number
    try {
      const honest = await this.join(documentId, honestName)
      const socket = await this.raw(documentId, attacker)
      probe = new HealthProbe(this.server.url)
      for (const batch of frames) {
        for (const frame of batch) {
          if (socket.ws.readyState !== socket.ws.OPEN) break
          socket.ws.send(frame)
        }
      }
      await this.type(honest, typed)
      await until(
        () => honest.frames.acked === honest.frames.sent,
        waitMs,
        `the honest edits are stored during ${what}`,
      )
      await this.settled(socket, what)
      slowestHealthMs = (await probe.stop()).slowestMs
      probe = null
      if (socket.ws.readyState === socket.ws.CLOSED) {
        const { code, reason } = await within(socket.closed, waitMs, 'the attacker’s close code')
        // Bad input gets a clear close code, never an internal error.
        if (code === 1011) throw new Error(`the attacker was closed with 1011 (${reason}) by ${what}`)
      }
      if (honest.closeCodes.length > 0)
        throw new Error(`the honest colleague was cut off (${honest.closeCodes.join(', ')}) by ${what}`)
      if (honest.denials.length > 0)
        throw new Error(`the honest colleague was refused (${honest.denials.join('; ')}) after ${what}`)
      const stored = await this.storedDoc(documentId)
      if (!textsOf(stored).includes(typed))
        throw new Error(`the stored document lacks 「${typed}」 after ${what}: ${textsOf(stored).join(' / ')}`)
      if (!covers(stored, honest.acked)) throw new Error(`an acknowledged honest edit is not stored after ${what}`)
      this.attacked.push({ documentId, typed, honest: honestName })
    } finally {
      if (probe) await probe.stop().catch(() => {})
      this.closeAll()
    }
    return { slowestHealthMs, typed, documentId }
  }

  /** Adds a paragraph and types `text` into it, a character every few milliseconds. */
  private async type(client: TestClient, text: string): Promise<void> {
    const target = new Y.XmlText()
    const added = new Y.XmlElement('paragraph')
    added.insert(0, [target])
    contentOf(client.doc).push([added])
    for (const character of text) {
      target.insert(target.length, character)
      await new Promise((resolve) => setTimeout(resolve, 15))
    }
  }

  /** The attacker was closed, or answers a sync step 1: the server has dealt with all it sent. */
  private async settled(socket: RawSocket, what: string): Promise<void> {
    if (socket.ws.readyState !== socket.ws.OPEN) {
      await within(socket.closed, waitMs, `the attacker's socket closes after ${what}`)
      return
    }
    const before = socket.received.length
    socket.ws.send(new Uint8Array([0, 0, 1, 0]))
    await until(
      () =>
        socket.ws.readyState === socket.ws.CLOSED ||
        socket.received.slice(before).some((frame) => frame[0] === 0 && frame[1] === 1),
      waitMs,
      `the server answers or closes the attacker after ${what}`,
    )
  }

  /** The document as the store holds it, loaded afresh. */
  async storedDoc(documentId: string): Promise<Y.Doc> {
    const stored = await within(
      this.server.store.updates.loadDocumentState(documentId),
      waitMs,
      'the stored document loads',
    )
    const doc = new Y.Doc()
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    return doc
  }

  /** Stops the server and starts a fresh one on the same database. */
  async restart(): Promise<void> {
    this.closeAll()
    await within(this.server.stop(), waitMs, 'the server stops')
    this.server = await within(startTestServer(this.options), 60_000, 'the server starts again')
    this.cookies.clear()
  }

  closeAll(): void {
    for (const resource of this.open) resource.close()
    this.open.clear()
  }

  async stop(): Promise<void> {
    this.closeAll()
    try {
      await within(this.server.stop(), waitMs, 'the server stops')
    } finally {
      rmSync(this.options.dataDir!, { recursive: true, force: true })
    }
  }
}

export function textsOf(doc: Y.Doc): string[] {
  return textNodes(contentOf(doc)).map((text) => String(text))
}
