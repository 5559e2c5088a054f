/**
 * `npm run bench`: every server under the same typing workloads, in interleaved rounds; then the cold load
 * of a 1 MB document; then the app's page load in chromium over a slow link. Prints tables and writes
 * `test/bench/results/latest.json` and `test/bench/results/page-load.json`
 * (`npm run bench -- --load 0 --flood 0` measures the page load alone); the search benchmark and the
 * edit path with search indexing on and off (`indexing-cost.ts`) if asked for; then the flood, and the
 * soak if asked for (`attack-scenarios.ts`).
 * Method and targets: docs/BENCHMARK.md.
 */
import { loadavg } from 'node:os'
import { runAttackScenarios } from './attack-scenarios.ts'
import { type BenchServer, type OurServer, startBenchServer } from './bench-servers.ts'
import { type CapacityResult, measureCapacity } from './capacity-run.ts'
import { coldLoadInMemory, coldLoadOurs } from './cold-load.ts'
import { formatIndexingCost, indexingResultsPath, indexingRoundsSound, measureIndexingCost } from './indexing-cost.ts'
import { type LoadResult, runLoad } from './load-run.ts'
import { clusterServicesMissing } from './cluster-services.ts'
import { type BenchOptions, clusterKinds, effectiveWorkload, parseOptions, type ServerKind } from './options.ts'
import { formatPageLoad, measurePageLoad } from './page-load.ts'
import {
  type BenchReport,
  buildReport,
  formatReport,
  pageLoadResultsPath,
  resultsPath,
  searchResultsPath,
  type WorkloadReport,
  writeReport,
} from './report.ts'
import { combineRounds } from './rounds.ts'
import { formatSearch, measureSearch } from './search-bench.ts'
import { type Workload, workloadNamed } from './workloads.ts'

async function withServer<T>(kind: ServerKind, use: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await startBenchServer(kind)
  try {
    return await use(server)
  } finally {
    await server.close()
  }
}

function coldLoad(server: BenchServer, runs: number) {
  return server.kind === 'ours' ? coldLoadOurs(server as OurServer, runs) : coldLoadInMemory(server, runs)
}

/**
 * Each round runs every workload against every server, each on a fresh server; the servers' order turns
 * by one each round, so that none is always first (or always last) after the machine's other work.
 */
async function runWorkloads(options: BenchOptions, workloads: Workload[], errors: string[]): Promise<WorkloadReport[]> {
  const results = workloads.map(() => new Map<ServerKind, LoadResult[]>())
  for (let round = 0; round < options.rounds; round++) {
    const shift = round % options.servers.length
    const order = [...options.servers.slice(shift), ...options.servers.slice(0, shift)]
    for (const [w, workload] of workloads.entries()) {
      for (const kind of order) {
        console.error(`round ${round + 1}/${options.rounds}, ${workload.name}: ${kind}…`)
        try {
          const load = await withServer(kind, (server) => runLoad(server, workload, options))
          results[w]!.set(kind, [...(results[w]!.get(kind) ?? []), load])
        } catch (error) {
          errors.push(`${workload.name}, ${kind}: ${(error as Error).stack ?? String(error)}`)
        }
      }
    }
  }
  return workloads.map((workload, w) => {
    const load: WorkloadReport['load'] = {}
    const rounds: WorkloadReport['rounds'] = {}
    for (const [kind, list] of results[w]!) {
      load[kind] = combineRounds(list)
      if (options.rounds > 1) rounds[kind] = list
    }
    return { workload, load, rounds }
  })
}

async function main(): Promise<number> {
  let options: BenchOptions
  try {
    options = parseOptions(process.argv.slice(2), process.env)
  } catch (error) {
    console.error((error as Error).message)
    return 2
  }
  let pageLoadMet = true
  if (options.pageLoad) {
    const pageLoad = await measurePageLoad(options.pageLoadRuns)
    writeReport(pageLoad, pageLoadResultsPath)
    console.log(formatPageLoad(pageLoad))
    console.log(`\nwritten to ${pageLoadResultsPath}\n`)
    pageLoadMet = pageLoad.met
  }
  if (options.search) {
    const searchResults = await measureSearch({
      documents: options.searchDocuments,
      paragraphs: options.searchParagraphs,
      runs: options.searchRuns,
    })
    writeReport(searchResults, searchResultsPath)
    console.log(formatSearch(searchResults))
    console.log(`\nwritten to ${searchResultsPath}\n`)
  }
  let indexingSound = true
  if (options.indexing) {
    const workload = effectiveWorkload(workloadNamed(options.indexingWorkload), options)
    const indexing = await measureIndexingCost(workload, options.rounds, options)
    writeReport(indexing, indexingResultsPath)
    console.log(formatIndexingCost(indexing))
    console.log(`\nwritten to ${indexingResultsPath}\n`)
    indexingSound = indexingRoundsSound(indexing)
  }
  const attacksIntact = (await runAttackScenarios(options)) && indexingSound
  if (!options.load) return pageLoadMet && attacksIntact ? 0 : 1
  if (options.servers.some((kind) => clusterKinds.includes(kind))) {
    const missing = await clusterServicesMissing()
    if (missing) {
      console.error(`two instances: skipped, ${missing}`)
      options.servers = options.servers.filter((kind) => !clusterKinds.includes(kind))
    }
  }
  // Capacity and cold load measure one process; the servers on PostgreSQL and Redis are measured typing.
  const singleServers = options.servers.filter((kind) => !clusterKinds.includes(kind))
  const loadAverageAtStart = loadavg()[0]!
  const errors: string[] = []
  const workloads = options.workloads.map((name) => effectiveWorkload(workloadNamed(name), options))
  const workloadReports = await runWorkloads(options, workloads, errors)
  const capacity: BenchReport['capacity'] = {}
  for (let round = 0; round < options.rounds && options.measures.length > 0 && singleServers.length > 0; round++) {
    const shift = round % singleServers.length
    for (const kind of [...singleServers.slice(shift), ...singleServers.slice(0, shift)]) {
      const result: CapacityResult = await measureCapacity(kind, options, errors)
      capacity[kind] = [...(capacity[kind] ?? []), result]
    }
  }
  const cold: BenchReport['coldLoad'] = {}
  if (options.coldLoad) {
    for (const kind of singleServers) {
      console.error(`${kind}: loading a 1 MB document…`)
      try {
        cold[kind] = await withServer(kind, (server) => coldLoad(server, options.coldLoadRuns))
      } catch (error) {
        errors.push(`cold load, ${kind}: ${(error as Error).stack ?? String(error)}`)
      }
    }
  }
  const report = buildReport(options, loadAverageAtStart, workloadReports, capacity, cold, errors)
  writeReport(report)
  console.log(formatReport(report))
  console.log(`\nwritten to ${resultsPath}`)
  const all = workloadReports.flatMap((w) => Object.values(w.rounds).flat().concat(Object.values(w.load)))
  const correct = all.every((r) => r.converged && r.lostDeliveries === 0 && r.storeMatchesClients !== false)
  return errors.length === 0 && correct && pageLoadMet && attacksIntact ? 0 : 1
}

// Exiting through process.exit runs the handlers that kill the children and remove temporary folders.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130))

process.exitCode = await main()
