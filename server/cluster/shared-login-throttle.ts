/**
 * Failed sign-ins counted in Redis, so that a guesser spread over several instances meets one limit
 * (SCALE-8, SEC-4). The counts and windows are those of `LoginThrottle`; each instance also counts what
 * it sees itself, and refuses on whichever count is higher, so Redis being away loosens the limit to one
 * instance's instead of lifting it.
 */
import type { Redis } from 'ioredis'
import { LoginThrottle, type LoginThrottleOptions, type SignInThrottle, usernameKey } from '../auth/login-throttle.ts'

/** Counts one failure under each key; a key's window starts with its first failure. */
const countFailure = `
for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
end
return 0`

/** Milliseconds until the keys at or past their limits (ARGV, in order) let another attempt through. */
const waitOf = `
local wait = 0
for i, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count >= tonumber(ARGV[i]) then wait = math.max(wait, redis.call('PTTL', key)) end
end
return wait`

export class SharedLoginThrottle implements SignInThrottle {
  private readonly local: LoginThrottle

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: LoginThrottleOptions,
  ) {
    this.local = new LoginThrottle(options)
  }

  async retryAfterMs(username: string, address: string): Promise<number> {
    const here = this.local.retryAfterMs(username, address)
    const keys = this.keys(username, address)
    const limits = [this.options.failuresPerUsername, this.options.failuresPerAddress]
    const everywhere = await this.redis.eval(waitOf, keys.length, ...keys, ...limits).then(
      (wait) => Number(wait),
      () => 0,
    )
    return Math.max(here, everywhere)
  }

  async failed(username: string, address: string): Promise<void> {
    this.local.failed(username, address)
    const keys = this.keys(username, address)
    await this.redis.eval(countFailure, keys.length, ...keys, this.options.windowMs).catch(() => {})
  }

  async succeeded(username: string): Promise<void> {
    this.local.succeeded(username)
    await this.redis.del(this.keys(username, '')[0]).catch(() => {})
  }

  private keys(username: string, address: string): [string, string] {
    return [`${this.prefix}signin:user:${usernameKey(username)}`, `${this.prefix}signin:address:${address}`]
  }
}
