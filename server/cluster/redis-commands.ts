/**
 * The Redis connection an instance uses for the state it shares with the others besides the relay:
 * sign-in throttling, flood pauses and the first-run token (SCALE-8, SCALE-9). A command while Redis is
 * away fails at once instead of waiting in a queue; each user of it then falls back to what this
 * instance knows by itself.
 */
import { Redis } from 'ioredis'
import { logger } from '../log/logger.ts'

/** How long the start waits for Redis before going on without it. */
const connectWaitMs = 5_000

export async function connectRedisCommands(redisUrl: string): Promise<Redis> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 2_000,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: (times: number) => Math.min(100 * times, 1_000),
  })
  // RedisPeers reports Redis going away; this connection only falls back.
  client.on('error', () => {})
  const connecting = client.connect()
  connecting.catch(() => {})
  let timer: NodeJS.Timeout | undefined
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, connectWaitMs)
  })
  await Promise.race([connecting.catch(() => {}), waited])
  clearTimeout(timer)
  if (client.status !== 'ready') logger.warn('Redis does not answer yet; limits count on this instance alone meanwhile')
  return client
}
