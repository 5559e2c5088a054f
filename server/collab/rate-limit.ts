/**
 * Rate limits on what clients send (docs/BOUNDS.md, BOUNDS-7 and BOUNDS-8): token buckets per connection
 * and per user, and a count of each user's open connections. Checked on every frame before it is read,
 * so a flood costs its sender its connection and others almost nothing.
 */
import { limits } from '../../shared/limits.ts'

export type Clock = () => number

/** Refills `perSecond` tokens a second up to `burst`; spending past what is there is refused. */
export class TokenBucket {
  private tokens: number
  private updatedAt: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: Clock,
  ) {
    this.tokens = burst
    this.updatedAt = now()
  }

  take(amount: number): boolean {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.updatedAt) / 1000) * this.perSecond)
    this.updatedAt = now
    if (amount > this.tokens) return false
    this.tokens -= amount
    return true
  }
}

export interface RateLimits {
  framesPerSecond: number
  framesBurst: number
  bytesPerSecond: number
  bytesBurst: number
  /** Deletion ranges of the updates (BOUNDS-14); without them, not counted. */
  deleteRangesPerSecond?: number
  deleteRangesBurst?: number
}

export const connectionRates: RateLimits = {
  framesPerSecond: limits.maxFramesPerSecond,
  framesBurst: limits.maxFramesBurst,
  bytesPerSecond: limits.maxBytesPerSecond,
  bytesBurst: limits.maxBytesBurst,
  deleteRangesPerSecond: limits.maxDeleteRangesPerSecond,
  deleteRangesBurst: limits.maxDeleteRangesPerUpdate,
}

export const userRates: RateLimits = {
  framesPerSecond: limits.maxUserFramesPerSecond,
  framesBurst: limits.maxUserFramesBurst,
  bytesPerSecond: limits.maxUserBytesPerSecond,
  bytesBurst: limits.maxUserBytesBurst,
  deleteRangesPerSecond: limits.maxUserDeleteRangesPerSecond,
  deleteRangesBurst: limits.maxUserDeleteRangesBurst,
}

/** Frames, their bytes and the deletion ranges of their updates, against one set of limits. */
export class FrameBudget {
  private readonly frames: TokenBucket
  private readonly bytes: TokenBucket
  private readonly deleteRanges: TokenBucket | null

  constructor(rates: RateLimits, now: Clock) {
    this.frames = new TokenBucket(rates.framesPerSecond, rates.framesBurst, now)
    this.bytes = new TokenBucket(rates.bytesPerSecond, rates.bytesBurst, now)
    const { deleteRangesPerSecond, deleteRangesBurst } = rates
    this.deleteRanges =
      deleteRangesPerSecond === undefined || deleteRangesBurst === undefined
        ? null
        : new TokenBucket(deleteRangesPerSecond, deleteRangesBurst, now)
  }

  /** Whether one frame of `size` bytes fits; once refused, the caller closes the connection. */
  spend(size: number): boolean {
    return this.frames.take(1) && this.bytes.take(size)
  }

  /**
   * Whether an update that adds `deleteRanges` ranges to its document fits; charged apart from its frame,
   * once the room can tell which of its ranges it holds already.
   */
  spendDeletions(deleteRanges: number): boolean {
    return deleteRanges === 0 || this.deleteRanges === null || this.deleteRanges.take(deleteRanges)
  }
}

export interface UserLimitOptions {
  connectionsPerUser: number
  rates: RateLimits
  now: Clock
}

/** What every user has open and has sent lately, across all documents of this server. */
export class UserLimits {
  private readonly users = new Map<string, { connections: number; budget: FrameBudget }>()

  constructor(
    private readonly options: UserLimitOptions = {
      connectionsPerUser: limits.maxConnectionsPerUser,
      rates: userRates,
      now: performance.now.bind(performance),
    },
  ) {}

  /** Counts a new connection of `userId`, or answers null when the user has too many open. */
  open(userId: string): FrameBudget | null {
    let user = this.users.get(userId)
    if (!user) {
      user = { connections: 0, budget: new FrameBudget(this.options.rates, this.options.now) }
      this.users.set(userId, user)
    }
    if (user.connections >= this.options.connectionsPerUser) return null
    user.connections++
    return user.budget
  }

  close(userId: string): void {
    const user = this.users.get(userId)
    if (!user) return
    // The budget stays when the last connection closes: reconnecting must not refill it. One entry per
    // user who ever connected is bounded by the school's accounts.
    user.connections--
  }
}

export interface CooldownOptions {
  firstMs: number
  longestMs: number
  now: Clock
}

/** What the upgrade asks of the record of pauses, in one process or shared by several (SCALE-8). */
export interface UserPauses {
  /** Records that `userId` was cut off; answers how long its connections are refused from now. */
  strike(userId: string): number
  /** How long `userId`'s connections are still refused; 0 when they are not. */
  remainingMs(userId: string): number | Promise<number>
}

/**
 * Users cut off for sending too much, and until when their new connections are refused (BOUNDS-11).
 * Without it a client that ignores the pause it is asked for comes straight back with a fresh
 * connection's burst, and the burst it gets every few hundred milliseconds is what the others wait
 * behind. Each offence that follows the last pause within `longestMs` doubles the pause, up to it.
 */
export class Cooldowns implements UserPauses {
  private readonly users = new Map<string, { until: number; pauseMs: number }>()

  constructor(
    private readonly options: CooldownOptions = {
      firstMs: limits.rateLimitCooldownMs,
      longestMs: limits.maxRateLimitCooldownMs,
      now: performance.now.bind(performance),
    },
  ) {}

  /** Records that `userId` was cut off; answers how long its connections are refused from now. */
  strike(userId: string): number {
    const now = this.options.now()
    const last = this.users.get(userId)
    const repeated = last !== undefined && now - last.until < this.options.longestMs
    const pauseMs = repeated ? Math.min(this.options.longestMs, last.pauseMs * 2) : this.options.firstMs
    this.users.set(userId, { until: now + pauseMs, pauseMs })
    return pauseMs
  }

  /** How long `userId`'s connections are still refused; 0 when they are not. */
  remainingMs(userId: string): number {
    const entry = this.users.get(userId)
    if (!entry) return 0
    const remaining = entry.until - this.options.now()
    // Forgotten once a further offence would no longer double the pause: the map holds recent offenders only.
    if (remaining <= -this.options.longestMs) this.users.delete(userId)
    return Math.max(0, remaining)
  }
}
