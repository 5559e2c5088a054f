/**
 * The benchmark's scenarios of clients that do not behave: the flood (on by default) and the soak
 * (`--soak 1`). Each writes its own results file and prints its table.
 */
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { formatFlood, runFlood } from './flood.ts'
import { repoRoot } from './ipc.ts'
import type { BenchOptions } from './options.ts'
import { writeReport } from './report.ts'
import { formatSoak, runSoak } from './soak.ts'

export const floodResultsPath = join(repoRoot, 'test/bench/results/flood.json')
export const soakResultsPath = join(repoRoot, 'test/bench/results/soak.json')

/** Whether nothing was lost: the typists' characters in the flood, the acknowledged ones in the soak. */
export async function runAttackScenarios(options: BenchOptions): Promise<boolean> {
  let intact = true
  if (options.flood) {
    console.error('flood: typing quiet, then beside a flooding editor…')
    const flood = await runFlood({
      typists: options.floodTypists,
      rate: options.floodRate,
      phaseMs: options.floodPhaseMs,
      document: options.floodDocument,
      cpuProfileDir: options.cpuProfileDir,
    })
    writeReport(flood, floodResultsPath)
    console.log(`${formatFlood(flood)}\n\nwritten to ${floodResultsPath}\n`)
    intact &&= flood.typistsIntact
  }
  if (options.soak) {
    const soak = await runSoak({
      connections: options.soakConnections,
      perDocument: 10,
      rate: options.soakRate,
      durationMs: options.soakDurationMs,
      sampleMs: Math.max(1_000, options.soakDurationMs / 60),
      clientProcesses: Math.max(1, Math.min(4, availableParallelism() - 1)),
    })
    writeReport(soak, soakResultsPath)
    console.log(`${formatSoak(soak)}\n\nwritten to ${soakResultsPath}\n`)
    intact &&= soak.lostAcknowledged === 0
  }
  return intact
}
