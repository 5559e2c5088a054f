/**
 * The benchmark's own machinery on tiny parameters against our server: clients connect, type from the
 * traces, every edit reaches every other client, and the store holds what the clients see. No timings
 * are asserted; the numbers are `npm run bench`'s business.
 */
import { expect, test } from 'vitest'
import { startOurServer } from './bench-servers.ts'
import { runLoad } from './load-run.ts'
import { defaultOptions } from './options.ts'

test('a small load on our server converges, loses nothing and matches the store', async () => {
  const server = await startOurServer()
  try {
    const result = await runLoad(server, {
      ...defaultOptions(),
      documents: 1,
      clientsPerDocument: 3,
      writersPerDocument: 1,
      rate: 20,
      warmupMs: 500,
      durationMs: 2_000,
      // Returns as soon as everything has arrived; the margin is for a machine busy with other tests.
      drainMs: 15_000,
      clientProcesses: 1,
    })
    expect(result.converged).toBe(true)
    expect(result.lostDeliveries).toBe(0)
    expect(result.storeMatchesClients).toBe(true)
    expect(result.latencyMs.samples).toBeGreaterThan(0)
    expect(result.deliveredPerSecond).toBeGreaterThan(0)
  } finally {
    await server.close()
  }
}, 60_000)
