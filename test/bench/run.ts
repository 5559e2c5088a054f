/**
 * `npm run bench`: the reference server, then ours, under the same typing load, in one run; then the
 * cold load of a 1 MB document; then the app's page load in chromium over a slow link. Prints tables and
 * writes `bench/results/latest.json` and `bench/results/page-load.json`
 * (`npm run bench -- --load 0` measures the page load alone).
 * Method and targets: docs/BENCHMARK.md.
 */
import { loadavg } from 'node:os'
import { type BenchServer, type OurServer, startOurServer, startReferenceServer } from './bench-servers.ts'
import { coldLoadOurs, coldLoadReference } from './cold-load.ts'
import { type LoadResult, runLoad } from './load-run.ts'
import { type BenchOptions, parseOptions, type ServerKind } from './options.ts'
import { formatPageLoad, measurePageLoad } from './page-load.ts'
import { type BenchReport, buildReport, formatReport, pageLoadResultsPath, resultsPath, writeReport } from './report.ts'
import { combineRounds } from './rounds.ts'

/** One load run against a fresh server; in the last round, also the cold load. */
async function benchmark(kind: ServerKind, options: BenchOptions, withColdLoad: boolean) {
  const server: BenchServer = kind === 'ours' ? await startOurServer() : await startReferenceServer()
  try {
    console.error(`${kind}: typing…`)
    const load = await runLoad(server, options)
    if (!withColdLoad) return { load, coldLoad: undefined }
    console.error(`${kind}: loading a 1 MB document…`)
    const coldLoad =
      server.kind === 'ours'
        ? await coldLoadOurs(server as OurServer, options.coldLoadRuns)
        : await coldLoadReference(server, options.coldLoadRuns)
    return { load, coldLoad }
  } finally {
    await server.close()
  }
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
  if (!options.load) return pageLoadMet ? 0 : 1
  const loadAverageAtStart = loadavg()[0]!
  const rounds: Record<ServerKind, LoadResult[]> = { reference: [], ours: [] }
  const coldLoad: BenchReport['coldLoad'] = {}
  const errors: string[] = []
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? options.servers : [...options.servers].reverse()
    for (const kind of order) {
      try {
        const result = await benchmark(kind, options, options.coldLoad && round === options.rounds - 1)
        rounds[kind].push(result.load)
        if (result.coldLoad) coldLoad[kind] = result.coldLoad
      } catch (error) {
        errors.push(`${kind}: ${(error as Error).stack ?? String(error)}`)
      }
    }
  }
  const load: BenchReport['load'] = {}
  for (const kind of options.servers) if (rounds[kind].length > 0) load[kind] = combineRounds(rounds[kind])
  const report = buildReport(options, loadAverageAtStart, load, options.rounds > 1 ? rounds : {}, coldLoad, errors)
  writeReport(report)
  console.log(formatReport(report))
  console.log(`\nwritten to ${resultsPath}`)
  const all = [...rounds.reference, ...rounds.ours]
  const correct = all.every((r) => r.converged && r.lostDeliveries === 0 && r.storeMatchesClients !== false)
  return errors.length === 0 && correct && pageLoadMet ? 0 : 1
}

// Exiting through process.exit runs the handlers that kill the children and remove temporary folders.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130))

process.exitCode = await main()
