/**
 * The benchmark's servers on PostgreSQL and Redis (docs/BENCHMARK.md, "Two instances"):
 *
 * - `ours-pg`: one of ours on PostgreSQL, no Redis: the single instance the two are measured against;
 * - `ours-2`: two of ours sharing the database and relaying through Redis (SCALE-1, SCALE-2);
 * - `hocuspocus-2`: two Hocuspocus 3 instances with `@hocuspocus/extension-redis`, in memory as the
 *   single Hocuspocus is.
 *
 * Each server gets a database and a Redis key prefix of its own, released when it closes.
 */
import { type BenchServer, inMemoryServer, startOurServer } from './bench-servers.ts'
import { benchRedisUrl, clusterServices } from './cluster-services.ts'
import { ChildHandle } from './ipc.ts'
import type { ServerKind } from './options.ts'

export async function startClusterServer(kind: ServerKind): Promise<BenchServer> {
  const services = await clusterServices()
  const redis = { url: benchRedisUrl, prefix: services.redisPrefix }
  try {
    switch (kind) {
      case 'ours-pg':
        return await startOurServer({
          kind,
          databaseUrl: services.database.url,
          instances: 1,
          release: services.release,
        })
      case 'ours-2':
        return await startOurServer({
          kind,
          databaseUrl: services.database.url,
          redis,
          instances: 2,
          release: services.release,
        })
      case 'hocuspocus-2':
        return await startHocuspocusPair(redis, services.release)
      default:
        throw new Error(`${kind} is not a server on PostgreSQL and Redis`)
    }
  } catch (error) {
    await services.release()
    throw error
  }
}

async function startHocuspocusPair(
  redis: { url: string; prefix: string },
  release: () => Promise<void>,
): Promise<BenchServer> {
  const children = [1, 2].map((n) => ChildHandle.start(`hocuspocus server ${n}`, './hocuspocus-server.ts'))
  try {
    const urls: string[] = []
    for (const child of children) {
      const { port } = await child.request<{ port: number }>('start', { redis })
      urls.push(`ws://127.0.0.1:${port}`)
    }
    return inMemoryServer('hocuspocus-2', children, urls, release)
  } catch (error) {
    await Promise.all(children.map((child) => child.stop()))
    throw error
  }
}
