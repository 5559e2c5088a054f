/**
 * The benchmark's own machinery on tiny parameters: clients connect, type or delete from the traces, in
 * plain, grown and large documents, every edit reaches every other client, and our store holds what the
 * clients see; the same clients work against the reference and Hocuspocus. No timings are asserted; the
 * numbers are `npm run bench`'s business.
 */
import { describe, expect, test } from 'vitest'
import { type BenchServer, startBenchServer } from './bench-servers.ts'
import { clusterServicesMissing } from './cluster-services.ts'
import { measureCarets, measureIdle, measureJoin, measureSaturation } from './capacity.ts'
import { type LoadTiming, runLoad } from './load-run.ts'
import type { ServerKind } from './options.ts'
import { type Workload, workloadNamed } from './workloads.ts'

const timing: LoadTiming = {
  warmupMs: 300,
  durationMs: 1_500,
  // Returns as soon as everything has arrived; the margin is for a machine busy with other tests.
  drainMs: 15_000,
  clientProcesses: 1,
  cpuProfileDir: null,
}

/** A workload at the smallest size that still takes each of its code paths. */
function tiny(name: string): Workload {
  const workload = workloadNamed(name)
  const shape = workload.shape.grown ? { ...workload.shape, startLength: [300, 1500] as const } : workload.shape
  return { ...workload, documents: 1, clientsPerDocument: 3, writersPerDocument: 2, rate: 20, shape }
}

async function withServer(kind: ServerKind, use: (server: BenchServer) => Promise<void>): Promise<void> {
  const server = await startBenchServer(kind)
  try {
    await use(server)
  } finally {
    await server.close()
  }
}

async function expectSound(server: BenchServer, workload: Workload): Promise<void> {
  const result = await runLoad(server, workload, timing)
  expect(result.converged, workload.name).toBe(true)
  expect(result.lostDeliveries, workload.name).toBe(0)
  expect(result.storeMatchesClients, workload.name).toBe(server.kind === 'ours' ? true : null)
  expect(result.latencyMs.samples, workload.name).toBeGreaterThan(0)
  expect(result.deliveredPerSecond, workload.name).toBeGreaterThan(0)
}

describe('the benchmark on tiny workloads', () => {
  test('our server: typing, deleting, a grown document and one inside S1 converge and match the store', async () => {
    await withServer('ours', async (server) => {
      for (const name of ['mixed', 'deletions', 'grown', 'large-s1']) await expectSound(server, tiny(name))
    })
  }, 180_000)

  test.each(['reference', 'hocuspocus'] as const)(
    '%s: the same clients type, delete and push a large document',
    async (kind) => {
      await withServer(kind, async (server) => {
        for (const name of ['deletions', 'large-s1']) await expectSound(server, tiny(name))
      })
    },
    120_000,
  )
})

const clusterMissing = await clusterServicesMissing()
if (clusterMissing) console.warn(`SKIPPED: the benchmark's two instances — ${clusterMissing}`)

describe.runIf(clusterMissing === null)('two instances on PostgreSQL and Redis, tiny', () => {
  test.each(['ours-2', 'hocuspocus-2'] as const)(
    '%s: half the clients on each instance converge, edits cross between them',
    async (kind) => {
      await withServer(kind, async (server) => {
        expect(server.serverUrls).toHaveLength(2)
        const result = await runLoad(server, { ...tiny('mixed'), clientsPerDocument: 4 }, timing)
        expect(result.converged).toBe(true)
        expect(result.lostDeliveries).toBe(0)
        expect(result.storeMatchesClients).toBe(kind === 'ours-2' ? true : null)
        expect(result.crossInstanceLatencyMs!.samples).toBeGreaterThan(0)
        expect(result.sameInstanceLatencyMs!.samples).toBeGreaterThan(0)
      })
    },
    120_000,
  )
})

describe('the capacity measurements at tiny sizes', () => {
  test.each(['ours', 'hocuspocus'] as const)(
    '%s: idle memory, joining a large document, carets and a ramp',
    async (kind) => {
      await withServer(kind, async (server) => {
        const idle = await measureIdle(server, 2)
        expect(idle.idle.rssBytes).toBeGreaterThan(0)
        expect(idle.connectionCpuMs).toBeGreaterThan(0)
        const join = await measureJoin(server, 2, 'S1', 1)
        expect(join.complete).toBe(2)
        const carets = await measureCarets(server, 3, 4, 1_500)
        expect(carets.heard).toBeGreaterThan(0)
        const ramp = await measureSaturation(server, tiny('mixed'), [5], timing)
        expect(ramp.steps).toHaveLength(1)
        expect(ramp.steps[0]!.sound).toBe(true)
      })
    },
    180_000,
  )
})
