/**
 * Slows down password guessing (SEC-4): failed sign-ins are counted per username and per client address
 * over a window; once either count reaches its limit, further attempts on that username or from that
 * address are refused until the window has passed, without checking the password. A successful sign-in
 * clears its username's count (the address's count stays: one address may be guessing many names).
 * Counts live in memory, bounded in number, so a server restart forgets them; with several instances
 * they live in Redis (`SharedLoginThrottle`, SCALE-8).
 */
export interface LoginThrottleOptions {
  failuresPerUsername: number
  failuresPerAddress: number
  windowMs: number
  /** Keys remembered at most per kind; the oldest are forgotten first. */
  maxKeys: number
  now?: () => number
}

export const defaultLoginThrottle: LoginThrottleOptions = {
  failuresPerUsername: 5,
  failuresPerAddress: 100,
  windowMs: 15 * 60 * 1000,
  maxKeys: 10_000,
}

/** What the sign-in route asks of a throttle, in one process or shared by several. */
export interface SignInThrottle {
  /** Milliseconds until another attempt is allowed, or 0 if it is allowed now. */
  retryAfterMs(username: string, address: string): number | Promise<number>
  failed(username: string, address: string): Promise<void> | undefined
  succeeded(username: string): Promise<void> | undefined
}

interface Failures {
  count: number
  /** When the window of these failures ends. */
  until: number
}

export class LoginThrottle implements SignInThrottle {
  private readonly byUsername = new Map<string, Failures>()
  private readonly byAddress = new Map<string, Failures>()
  private readonly now: () => number

  constructor(private readonly options: LoginThrottleOptions = defaultLoginThrottle) {
    this.now = options.now ?? Date.now
  }

  /** Milliseconds until another attempt is allowed, or 0 if it is allowed now. */
  retryAfterMs(username: string, address: string): number {
    const now = this.now()
    const waits = [
      this.wait(this.byUsername, usernameKey(username), this.options.failuresPerUsername, now),
      this.wait(this.byAddress, address, this.options.failuresPerAddress, now),
    ]
    return Math.max(...waits)
  }

  failed(username: string, address: string): undefined {
    const now = this.now()
    this.count(this.byUsername, usernameKey(username), now)
    this.count(this.byAddress, address, now)
  }

  succeeded(username: string): undefined {
    this.byUsername.delete(usernameKey(username))
  }

  private wait(failures: Map<string, Failures>, key: string, limit: number, now: number): number {
    const entry = failures.get(key)
    if (!entry) return 0
    if (entry.until <= now) {
      failures.delete(key)
      return 0
    }
    return entry.count >= limit ? entry.until - now : 0
  }

  private count(failures: Map<string, Failures>, key: string, now: number): void {
    const entry = failures.get(key)
    if (entry && entry.until > now) {
      entry.count++
      return
    }
    failures.delete(key)
    failures.set(key, { count: 1, until: now + this.options.windowMs })
    if (failures.size > this.options.maxKeys) failures.delete(failures.keys().next().value!)
  }
}

/** Usernames are looked up as typed, but `Teacher1` and `teacher1` are one target for a guesser. */
export function usernameKey(username: string): string {
  return username.trim().toLowerCase()
}
