/**
 * The capacity measurements of one round against one server kind, each on a fresh server, and their
 * medians over rounds.
 */
import { type BenchServer, startBenchServer } from './bench-servers.ts'
import {
  type CaretsMeasure,
  type IdleMeasure,
  type JoinMeasure,
  measureCarets,
  measureIdle,
  measureJoin,
  measureSaturation,
  type SaturationMeasure,
} from './capacity.ts'
import { type BenchOptions, effectiveWorkload, type ServerKind } from './options.ts'
import { median } from './stats.ts'
import { workloadNamed } from './workloads.ts'

export interface CapacityResult {
  idle?: IdleMeasure
  join?: JoinMeasure[]
  carets?: CaretsMeasure
  saturation?: SaturationMeasure
}

const caretsDurationMs = 10_000
const saturationTiming = { warmupMs: 2_000, durationMs: 6_000, drainMs: 10_000 }

async function fresh<T>(kind: ServerKind, use: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await startBenchServer(kind)
  try {
    return await use(server)
  } finally {
    await server.close()
  }
}

export async function measureCapacity(
  kind: ServerKind,
  options: BenchOptions,
  errors: string[],
): Promise<CapacityResult> {
  const result: CapacityResult = {}
  const attempt = async (name: string, run: () => Promise<void>): Promise<void> => {
    console.error(`${kind}: ${name}…`)
    try {
      await run()
    } catch (error) {
      errors.push(`${name}, ${kind}: ${(error as Error).stack ?? String(error)}`)
    }
  }
  for (const measure of options.measures) {
    if (measure === 'idle') {
      await attempt('idle memory and connection set-up', async () => {
        result.idle = await fresh(kind, (server) => measureIdle(server, options.idleDocuments))
      })
    } else if (measure === 'join') {
      result.join = []
      for (const joiners of options.joiners) {
        await attempt(`${joiners} clients opening ${options.joinDocument} at once`, async () => {
          result.join!.push(
            await fresh(kind, (server) => measureJoin(server, joiners, options.joinDocument, options.clientProcesses)),
          )
        })
      }
    } else if (measure === 'carets') {
      await attempt(`${options.caretClients} clients moving carets`, async () => {
        result.carets = await fresh(kind, (server) =>
          measureCarets(server, options.caretClients, options.caretRate, caretsDurationMs),
        )
      })
    } else {
      await attempt('saturation ramp', async () => {
        const workload = effectiveWorkload(workloadNamed('mixed'), options)
        const timing = { ...saturationTiming, clientProcesses: options.clientProcesses, cpuProfileDir: null }
        result.saturation = await fresh(kind, (server) =>
          measureSaturation(server, workload, options.saturationRates, timing),
        )
      })
    }
  }
  return result
}

/** The median over rounds of one number of a server's capacity results; undefined when never measured. */
export function capacityMedian(
  rounds: readonly CapacityResult[] | undefined,
  pick: (r: CapacityResult) => number | undefined,
) {
  const values = (rounds ?? []).map(pick).filter((v): v is number => v !== undefined && !Number.isNaN(v))
  return values.length > 0 ? median(values) : undefined
}
