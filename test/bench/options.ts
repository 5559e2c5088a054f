/**
 * Benchmark parameters, from flags (`--documents 20`) or environment (`BENCH_DOCUMENTS=20`); flags win.
 * `npm run bench -- --help` lists them.
 */
import { availableParallelism } from 'node:os'
import {
  type LargeDocument,
  type MeasureName,
  measureNames,
  type SuiteName,
  suites,
  type Workload,
  workloadNamed,
} from './workloads.ts'

export interface BenchOptions {
  /** Sets the workloads and measurements that no flag names. */
  suite: SuiteName
  /** The typing workloads to run (`workloads.ts`), each against every server. */
  workloads: string[]
  /** The measurements besides typing (`capacity.ts`). */
  measures: MeasureName[]
  /** Documents opened for the idle memory and connection set-up. */
  idleDocuments: number
  /** How many clients open the large document at once, one measurement per number. */
  joiners: number[]
  /** The document they open. */
  joinDocument: LargeDocument
  caretClients: number
  /** Caret moves per second of each client. */
  caretRate: number
  /** Rates per writer of the saturation ramp, on the mixed workload. */
  saturationRates: number[]
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
  /** Typists beside a flooding editor, quiet then flooded (`flood.ts`). */
  flood: boolean
  floodTypists: number
  floodRate: number
  floodPhaseMs: number
  /** The document the flood scenario's editors type into: empty, or a large one (what a join costs grows with it). */
  floodDocument: LargeDocument | null
  /** Hundreds of connections typing for minutes, memory sampled (`soak.ts`); off unless asked for. */
  soak: boolean
  soakConnections: number
  soakRate: number
  soakDurationMs: number
  /** Search over a generated corpus on each backend (`search-bench.ts`); off unless asked for. */
  search: boolean
  searchDocuments: number
  searchParagraphs: number
  searchRuns: number
  /** The edit path with search indexing on and off (`indexing-cost.ts`); off unless asked for. */
  indexing: boolean
  /** The typing workload it drives (`workloads.ts`). */
  indexingWorkload: string
}

export const serverKinds = ['reference', 'hocuspocus', 'ours', 'ours-pg', 'ours-2', 'hocuspocus-2'] as const
export type ServerKind = (typeof serverKinds)[number]

/**
 * Kinds that run on PostgreSQL and Redis (`cluster-servers.ts`): ours alone on PostgreSQL, the baseline of
 * two of ours sharing it through Redis, and two Hocuspocus instances with its Redis extension.
 */
export const clusterKinds: readonly ServerKind[] = ['ours-pg', 'ours-2', 'hocuspocus-2']
/** Kinds of two instances, each client of a document on one of them in turn. */
export const twoInstanceKinds: readonly ServerKind[] = ['ours-2', 'hocuspocus-2']
/** Our server, in whichever setting: its store can be read back after the run. */
export const ourKinds: readonly ServerKind[] = ['ours', 'ours-pg', 'ours-2']

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
  const names = value.split(',').filter(Boolean)
  for (const name of names) workloadNamed(name)
  return names
}
const measureList = (value: string): MeasureName[] =>
  value
    .split(',')
    .filter(Boolean)
    .map((name) => {
      if (!(measureNames as readonly string[]).includes(name)) throw new Error(`unknown measurement ${name}`)
      return name as MeasureName
    })
const integers = (value: string): number[] => value.split(',').map(integer)

const flags: Record<string, Flag> = {
  suite: {
    key: 'suite',
    help: Object.entries(suites)
      .map(([name, suite]) => `${name}: ${[...suite.workloads, ...suite.measures].join(', ')}`)
      .join('; '),
    parse: (value) => {
      if (!(value in suites)) throw new Error(`unknown suite ${value}`)
      return value
    },
  },
  workload: {
    key: 'workloads',
    help: 'comma-separated typing workloads, instead of the suite\'s (none: "")',
    parse: workloadList,
  },
  measure: {
    key: 'measures',
    help: `comma-separated, instead of the suite's: ${measureNames.join(', ')} (none: "")`,
    parse: measureList,
  },
  'idle-documents': { key: 'idleDocuments', help: 'documents opened for idle memory and set-up CPU', parse: integer },
  joiners: { key: 'joiners', help: 'clients opening the large document at once, comma-separated', parse: integers },
  'join-document': {
    key: 'joinDocument',
    help: 'the document they open: C1 (1.1 MB) or S1 (674 KB)',
    parse: (value) => {
      if (value !== 'C1' && value !== 'S1') throw new Error(`unknown document ${value}`)
      return value
    },
  },
  'caret-clients': { key: 'caretClients', help: 'clients of one document moving carets', parse: integer },
  'caret-rate': { key: 'caretRate', help: 'caret moves per second of each', parse: integer },
  'saturation-rates': {
    key: 'saturationRates',
    help: 'rates per writer of the saturation ramp, comma-separated',
    parse: integers,
  },
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
  'page-load': {
    key: 'pageLoad',
    help: 'measure the app loading in chromium over 1.5 Mbit/s and 150 ms (1/0)',
    parse: boolean,
  },
  'page-load-runs': { key: 'pageLoadRuns', help: 'cold and warm page loads to measure', parse: integer },
  'cpu-prof': {
    key: 'cpuProfileDir',
    help: 'folder for CPU profiles of the servers during the window',
    parse: (v) => v,
  },
  flood: { key: 'flood', help: 'typing beside a flooding editor, quiet then flooded (1/0)', parse: boolean },
  'flood-typists': { key: 'floodTypists', help: 'editors typing beside the flood', parse: integer },
  'flood-rate': { key: 'floodRate', help: 'operations per second of each of them', parse: integer },
  'flood-duration': { key: 'floodPhaseMs', help: 'seconds of each phase, quiet and flooded', parse: seconds },
  'flood-document': {
    key: 'floodDocument',
    help: 'the document typed into: empty, C1 (1.1 MB) or S1 (674 KB)',
    parse: (value) => {
      if (value === 'empty') return null
      if (value !== 'C1' && value !== 'S1') throw new Error(`unknown document ${value}`)
      return value
    },
  },
  soak: { key: 'soak', help: 'the soak: many connections typing for minutes (1/0)', parse: boolean },
  'soak-connections': { key: 'soakConnections', help: 'connections in the soak', parse: integer },
  'soak-rate': { key: 'soakRate', help: 'operations per second of each soak connection', parse: integer },
  'soak-duration': { key: 'soakDurationMs', help: 'seconds the soak types', parse: seconds },
  search: { key: 'search', help: 'search over a generated corpus on each backend (1/0)', parse: boolean },
  'search-documents': { key: 'searchDocuments', help: '导学案 in the search corpus', parse: integer },
  'search-paragraphs': { key: 'searchParagraphs', help: 'seed sentences in each of them', parse: integer },
  'search-runs': { key: 'searchRuns', help: 'times each search query is run', parse: integer },
  indexing: {
    key: 'indexing',
    help: 'the edit path with search indexing on and off, --rounds interleaved rounds (1/0)',
    parse: boolean,
  },
  'indexing-workload': {
    key: 'indexingWorkload',
    help: 'the typing workload of that comparison',
    parse: (value) => workloadNamed(value).name,
  },
}

export function defaultOptions(): BenchOptions {
  return {
    suite: 'quick',
    workloads: [...suites.quick.workloads],
    measures: [...suites.quick.measures],
    idleDocuments: 100,
    joiners: [50, 100],
    joinDocument: 'C1',
    caretClients: 50,
    caretRate: 2,
    saturationRates: [10, 20, 40, 80, 160],
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
    flood: true,
    floodTypists: 4,
    floodRate: 10,
    floodPhaseMs: 10_000,
    floodDocument: null,
    soak: false,
    soakConnections: 500,
    soakRate: 1,
    soakDurationMs: 180_000,
    search: false,
    searchDocuments: 10_000,
    searchParagraphs: 60,
    searchRuns: 20,
    indexing: false,
    indexingWorkload: 'mixed',
  }
}

export function parseOptions(argv: readonly string[], env: NodeJS.ProcessEnv): BenchOptions {
  const options = defaultOptions()
  const given = new Set<keyof BenchOptions>()
  const set = (name: string, value: string): void => {
    const flag = flags[name]
    if (!flag) throw new Error(`unknown option --${name}\n${usage()}`)
    Object.assign(options, { [flag.key]: flag.parse(value) })
    given.add(flag.key)
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
  if (!given.has('workloads')) options.workloads = [...suites[options.suite].workloads]
  if (!given.has('measures')) options.measures = [...suites[options.suite].measures]
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
