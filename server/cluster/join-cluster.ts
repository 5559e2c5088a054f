/**
 * What one of several instances shares through Redis (SCALE-1 to SCALE-9): the relay between instances,
 * sign-in limits, flood pauses and the first-run token. `start.ts` loads this module only when
 * `REDIS_URL` is set, so a single instance never loads the Redis client.
 */
import { defaultLoginThrottle } from '../auth/login-throttle.ts'
import type { Store } from '../store/store.ts'
import { connectRedisCommands } from './redis-commands.ts'
import { RedisPeers } from './redis-peers.ts'
import { SharedCooldowns } from './shared-cooldowns.ts'
import { SharedFirstRunGate } from './shared-first-run-gate.ts'
import { SharedLoginThrottle } from './shared-login-throttle.ts'

export interface ClusterOptions {
  redisUrl: string
  redisPrefix: string
  catchUpMs?: number
}

export async function joinCluster(store: Store, options: ClusterOptions) {
  const { redisUrl, redisPrefix } = options
  const commands = await connectRedisCommands(redisUrl)
  return {
    commands,
    firstRun: await SharedFirstRunGate.open(store, commands, redisPrefix),
    loginThrottle: new SharedLoginThrottle(commands, redisPrefix, defaultLoginThrottle),
    cooldowns: new SharedCooldowns(commands, redisPrefix),
    peers: new RedisPeers({ redisUrl, prefix: redisPrefix, store, catchUpMs: options.catchUpMs }),
  }
}
