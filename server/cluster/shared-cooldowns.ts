/**
 * The pauses of users cut off for a flood (BOUNDS-11), shared through Redis so that a user cut off on one
 * instance is refused on every other (SCALE-8). The cut-off itself does not wait for Redis: the
 * connection is closed at once with this instance's pause, and the strike is then recorded in Redis,
 * where repeats within the longest pause double it as they do here. A connection is refused while either
 * pause runs; Redis being away leaves this instance's.
 */
import type { Redis } from 'ioredis'
import { Cooldowns, type CooldownOptions, type UserPauses } from '../collab/rate-limit.ts'
import { limits } from '../../shared/limits.ts'

/**
 * KEYS[1]: the user's pause; ARGV: first pause, longest pause, the pause this instance gave. On Redis's
 * clock, so that instances whose clocks differ agree.
 */
const strike = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local first, longest, given = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local untilMs = tonumber(redis.call('HGET', KEYS[1], 'until') or '')
local pause = first
if untilMs and now - untilMs < longest then
  pause = math.min(longest, tonumber(redis.call('HGET', KEYS[1], 'pause')) * 2)
end
pause = math.max(pause, given)
redis.call('HSET', KEYS[1], 'until', now + pause, 'pause', pause)
redis.call('PEXPIRE', KEYS[1], pause + longest)
return pause`

const remaining = `
local untilMs = tonumber(redis.call('HGET', KEYS[1], 'until') or '')
if not untilMs then return 0 end
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
return math.max(0, untilMs - now)`

export class SharedCooldowns implements UserPauses {
  private readonly local: Cooldowns

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    private readonly options: CooldownOptions = {
      firstMs: limits.rateLimitCooldownMs,
      longestMs: limits.maxRateLimitCooldownMs,
      now: performance.now.bind(performance),
    },
  ) {
    this.local = new Cooldowns(options)
  }

  strike(userId: string): number {
    const pauseMs = this.local.strike(userId)
    const { firstMs, longestMs } = this.options
    this.redis.eval(strike, 1, this.keyOf(userId), firstMs, longestMs, pauseMs).catch(() => {})
    return pauseMs
  }

  async remainingMs(userId: string): Promise<number> {
    const here = this.local.remainingMs(userId)
    const everywhere = await this.redis.eval(remaining, 1, this.keyOf(userId)).then(
      (ms) => Number(ms),
      () => 0,
    )
    return Math.max(here, everywhere)
  }

  private keyOf(userId: string): string {
    return `${this.prefix}pause:${userId}`
  }
}
