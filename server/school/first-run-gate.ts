/**
 * The one-time token that guards the first-run page. It exists only while the database has no account,
 * is printed at start-up for whoever runs the server, and works once: the first request that presents it
 * closes the gate before anything is awaited, so two requests cannot both create a school. A request that
 * the rules refuse (a short password, a taken username) gives it back, so a typo does not lock the page.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto'
import type { Store } from '../store/store.ts'

export type GateAnswer = 'open' | 'wrongToken' | 'closed'

/** What the first-run page asks of the gate, in one process or shared by several (SCALE-9). */
export interface FirstRunTokenGate {
  /** The token to print, null once used or when there was never a need. */
  readonly token: string | null
  /** `open` takes the token: nobody else can use it unless it is given back. */
  take(token: string): GateAnswer | Promise<GateAnswer>
  giveBack(token: string): Promise<void> | undefined
}

/** The gate cannot answer for the moment (its shared store is away): nothing was taken, try again. */
export class FirstRunGateAway extends Error {
  constructor() {
    super('the first-run token cannot be checked now')
  }
}

export class FirstRunGate implements FirstRunTokenGate {
  #token: string | null

  private constructor(token: string | null) {
    this.#token = token
  }

  /** A gate with a fresh token if the store has no account, a closed one otherwise. */
  static async open(store: Pick<Store, 'accounts'>): Promise<FirstRunGate> {
    const empty = (await store.accounts.countUsers()) === 0
    return new FirstRunGate(empty ? randomBytes(18).toString('base64url') : null)
  }

  static closed(): FirstRunGate {
    return new FirstRunGate(null)
  }

  /** The token to print, null once used or when there was never a need. */
  get token(): string | null {
    return this.#token
  }

  /** `open` takes the token: nobody else can use it unless it is given back. */
  take(token: string): GateAnswer {
    const current = this.#token
    if (current === null) return 'closed'
    const given = Buffer.from(token)
    const expected = Buffer.from(current)
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'wrongToken'
    this.#token = null
    return 'open'
  }

  giveBack(token: string): undefined {
    this.#token = token
  }
}
