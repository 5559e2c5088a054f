/**
 * One first-run token for every instance (SCALE-9). The first instance to start on an empty database puts
 * its token in Redis; every other adopts the one it finds there, so each prints the same token and it
 * works once, through any of them. Taking it swaps it for an empty value in one script, so two requests
 * on two instances cannot both take it; giving it back restores it.
 *
 * Redis away at start: the instance prints its own token. The first instance to present a token to a
 * Redis that has none installs its own first, so at every moment at most one token is valid, and the
 * database decides in the end: the page creates a school only while there is no account.
 */
import { randomBytes } from 'node:crypto'
import type { Redis } from 'ioredis'
import { logger } from '../log/logger.ts'
import type { Store } from '../store/store.ts'
import { FirstRunGateAway, type FirstRunTokenGate, type GateAnswer } from '../school/first-run-gate.ts'

/** KEYS[1]: the token's key; ARGV: the token given, this instance's own. An empty value: taken. */
const take = `
local current = redis.call('GET', KEYS[1])
if not current then
  current = ARGV[2]
  redis.call('SET', KEYS[1], current)
end
if current == '' then return 'closed' end
if current ~= ARGV[1] then return 'wrongToken' end
redis.call('SET', KEYS[1], '')
return 'open'`

export class SharedFirstRunGate implements FirstRunTokenGate {
  #token: string | null

  private constructor(
    private readonly redis: Redis,
    private readonly key: string,
    token: string | null,
  ) {
    this.#token = token
  }

  /** A gate with the cluster's token if the store has no account, a closed one otherwise. */
  static async open(store: Pick<Store, 'accounts'>, redis: Redis, prefix: string): Promise<SharedFirstRunGate> {
    const key = `${prefix}first-run-token`
    if ((await store.accounts.countUsers()) > 0) return new SharedFirstRunGate(redis, key, null)
    const mine = randomBytes(18).toString('base64url')
    // `SET … NX GET` answers the token already there, or null when ours went in.
    const there = await redis.set(key, mine, 'NX', 'GET').catch(() => null)
    return new SharedFirstRunGate(redis, key, there === '' ? null : (there ?? mine))
  }

  get token(): string | null {
    return this.#token
  }

  /**
   * Redis away: the page is refused for the moment rather than opened, since another instance may be
   * taking the same token through a Redis this one cannot see.
   */
  async take(token: string): Promise<GateAnswer> {
    if (this.#token === null) return 'closed'
    const answer = (await this.redis.eval(take, 1, this.key, token, this.#token).catch((error: unknown) => {
      logger.warn({ err: error }, 'first-run page refused: Redis does not answer')
      throw new FirstRunGateAway()
    })) as GateAnswer
    if (answer === 'open') this.#token = null
    return answer
  }

  async giveBack(token: string): Promise<void> {
    this.#token = token
    await this.redis.set(this.key, token).catch((error: unknown) => {
      // The token stays taken in Redis, so the page stays closed; the command line still creates the school.
      logger.error({ err: error }, 'first-run token could not be given back: Redis does not answer')
      throw new FirstRunGateAway()
    })
  }
}
