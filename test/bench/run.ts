/**
 * `npm run bench`: the reference server, then ours, under the same typing load, in one run; then the
 * cold load of a 1 MB document. Prints a table and writes `bench/results/latest.json`.
 * Method and targets: docs/BENCHMARK.md.
 */
import { loadavg } from 'node:os'
import { type BenchServer, type OurServer, startOurServer, startReferenceServer } from './bench-servers.ts'
import { coldLoadOurs, coldLoadReference } from './cold-load.ts'
import { runLoad } from './load-run.ts'
import { type BenchOptions, parseOptions, type ServerKind } from './options.ts'
import { type BenchReport, buildReport, formatReport, resultsPath, writeReport } from './report.ts'

async function benchmark(
  kind: ServerKind,
  options: BenchOptions,
  load: BenchReport['load'],
  coldLoad: BenchReport['coldLoad'],
): Promise<void> {
  const server: BenchServer =
    kind === 'ours' ? await startOurServer() : await startReferenceServer()
  try {
    console.error(`${kind}: typing…`)
    load[kind] = await runLoad(server, options)
    if (options.coldLoad) {
      console.error(`${kind}: loading a 1 MB document…`)
      coldLoad[kind] =
        server.kind === 'ours'
          ? await coldLoadOurs(server as OurServer, options.coldLoadRuns)
          : await coldLoadReference(server, options.coldLoadRuns)
    }
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
  const loadAverageAtStart = loadavg()[0]!
  const load: BenchReport['load'] = {}
  const coldLoad: BenchReport['coldLoad'] = {}
  const errors: string[] = []
  for (const kind of options.servers) {
    try {
      await benchmark(kind, options, load, coldLoad)
    } catch (error) {
      errors.push(`${kind}: ${(error as Error).stack ?? String(error)}`)
    }
  }
  const report = buildReport(options, loadAverageAtStart, load, coldLoad, errors)
  writeReport(report)
  console.log(formatReport(report))
  console.log(`\nwritten to ${resultsPath}`)
  const correct = Object.values(load).every((r) => r.converged && r.lostDeliveries === 0 && r.storeMatchesClients !== false)
  return errors.length === 0 && correct ? 0 : 1
}

// Exiting through process.exit runs the handlers that kill the children and remove temporary folders.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130))

process.exitCode = await main()
