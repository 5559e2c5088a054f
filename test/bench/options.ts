/**
 * Benchmark parameters, from flags (`--documents 20`) or environment (`BENCH_DOCUMENTS=20`); flags win.
 * `npm run bench -- --help` lists them.
 */
import { availableParallelism } from 'node:os'
import { type SuiteName, suites, type Workload, workloadNamed } from './workloads.ts'

export interface BenchOptions {
  /** The typing workloads to run (`workloads.ts`), each against every server. */
  workloads: string[]
  /** Overrides of every workload's own numbers; null keeps the workload's. */
  documents: number | null
  clientsPerDocument: number | null
  writersPerDocument: number | null
  /** Operations per second of each writer. */
  rate: number | null
  warmupMs: number
  durationMs: number
  /** How long to wait after typing stops for every operation to reach every client. */
  drainMs: number
  /** Processes the simulated clients are spread over. */
  clientProcesses: number
  /** Load runs per server, alternating the order; the report gives the median of each measurement. */
  rounds: number
  servers: ServerKind[]
  coldLoad: boolean
  coldLoadRuns: number
  /** The server rounds under typing load (0: only the page load). */
  load: boolean
  /** The app's page load in chromium over a slow link (`page-load.ts`). */
  pageLoad: boolean
  pageLoadRuns: number
  /** Write a CPU profile of each server over the measured window into this folder. */
  cpuProfileDir: string | null
}

export const serverKinds = ['reference', 'hocuspocus', 'ours'] as const
export type ServerKind = (typeof serverKinds)[number]

interface Flag {
  key: keyof BenchOptions
  help: string
  parse(value: string): BenchOptions[keyof BenchOptions]
}

const integer = (value: string): number => {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a whole number: ${value}`)
  return n
}
const seconds = (value: string): number => Math.round(Number(value) * 1000)
const boolean = (value: string): boolean => value !== '0' && value !== 'false'

const workloadList = (value: string): string[] => {
  const names = value.split(',').flatMap((name) => (name in suites ? suites[name as SuiteName] : [name]))
  for (const name of names) workloadNamed(name)
  return names
}

const flags: Record<string, Flag> = {
  suite: {
    key: 'workloads',
    help: `workloads to run: ${Object.entries(suites)
      .map(([name, list]) => `${name} (${list.join(', ')})`)
      .join('; ')}`,
    parse: (value) => {
      if (!(value in suites)) throw new Error(`unknown suite ${value}`)
      return [...suites[value as SuiteName]]
    },
  },
  workload: { key: 'workloads', help: 'comma-separated workloads or suites instead of a suite', parse: workloadList },
  documents: { key: 'documents', help: 'documents (D), for every workload', parse: integer },
  clients: { key: 'clientsPerDocument', help: 'clients per document (C)', parse: integer },
  writers: { key: 'writersPerDocument', help: 'writers per document (W)', parse: integer },
  rate: { key: 'rate', help: 'operations per second per writer (R)', parse: integer },
  warmup: { key: 'warmupMs', help: 'seconds of typing before measuring', parse: seconds },
  duration: { key: 'durationMs', help: 'seconds of measured typing', parse: seconds },
  drain: { key: 'drainMs', help: 'seconds to wait for the last operations', parse: seconds },
  'client-processes': { key: 'clientProcesses', help: 'processes running the clients', parse: integer },
  rounds: { key: 'rounds', help: 'load runs per server, order alternating; medians are reported', parse: integer },
  servers: {
    key: 'servers',
    help: `comma-separated, run in this order: ${serverKinds.join(',')}`,
    parse: (value) =>
      value.split(',').map((kind) => {
        if (!(serverKinds as readonly string[]).includes(kind)) throw new Error(`unknown server: ${kind}`)
        return kind as ServerKind
      }),
  },
  'cold-load': { key: 'coldLoad', help: 'measure cold load of a 1 MB document (1/0)', parse: boolean },
  'cold-load-runs': { key: 'coldLoadRuns', help: 'cold loads to measure', parse: integer },
  load: { key: 'load', help: 'run the servers under typing load (1/0)', parse: boolean },
  'page-load': { key: 'pageLoad', help: 'measure the app loading in chromium over 1.5 Mbit/s and 150 ms (1/0)', parse: boolean },
  'page-load-runs': { key: 'pageLoadRuns', help: 'cold and warm page loads to measure', parse: integer },
  'cpu-prof': { key: 'cpuProfileDir', help: 'folder for CPU profiles of the servers during the window', parse: (v) => v },
}

export function defaultOptions(): BenchOptions {
  return {
    workloads: [...suites.quick],
    documents: null,
    clientsPerDocument: null,
    writersPerDocument: null,
    rate: null,
    warmupMs: 3_000,
    durationMs: 20_000,
    drainMs: 10_000,
    // Leave one core to the server under test.
    clientProcesses: Math.max(1, Math.min(4, availableParallelism() - 1)),
    rounds: 1,
    servers: [...serverKinds],
    coldLoad: true,
    coldLoadRuns: 3,
    load: true,
    pageLoad: true,
    pageLoadRuns: 3,
    cpuProfileDir: null,
  }
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const options = defaultOptions()
  const set = (name: string, value: string): void => {
    const flag = flags[name]
    if (!flag) throw new Error(`unknown option --${name}\n${usage()}`)
    Object.assign(options, { [flag.key]: flag.parse(value) })
  }
  for (const name of Object.keys(flags)) {
    const value = env[`BENCH_${name.toUpperCase().replaceAll('-', '_')}`]
    if (value !== undefined) set(name, value)
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (arg === '--help') throw new Error(usage())
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${usage()}`)
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined]
    const value = inline ?? argv[++i]
    if (value === undefined) throw new Error(`--${name} needs a value`)
    set(name, value)
  }
  if (options.rate === 0 || options.documents === 0 || options.rounds === 0) {
    throw new Error('rate, documents and rounds must be positive')
  }
  for (const name of options.workloads) {
    const workload = effectiveWorkload(workloadNamed(name), options)
    if (workload.writersPerDocument > workload.clientsPerDocument) throw new Error(`${name}: more writers than clients`)
  }
  return options
}

/** A workload with the numbers given on the command line put in. */
export function effectiveWorkload(workload: Workload, options: BenchOptions): Workload {
  return {
    ...workload,
    documents: options.documents ?? workload.documents,
    clientsPerDocument: options.clientsPerDocument ?? workload.clientsPerDocument,
    writersPerDocument: options.writersPerDocument ?? workload.writersPerDocument,
    rate: options.rate ?? workload.rate,
  }
}

export function usage(): string {
  const lines = Object.entries(flags).map(([name, flag]) => `  --${name.padEnd(16)} ${flag.help}`)
  return `npm run bench -- [options]   (or BENCH_<OPTION>=value)\n${lines.join('\n')}`
}
