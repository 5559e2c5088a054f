// @ts-check
/**
 * `npm run build`: the client into `client/dist` and the server into `build/`. Names limit it to those
 * builds (`node server/launch/build.js server`); `--if-stale` skips a build whose output is there and whose
 * inputs have not changed since.
 */
import { builds, isFresh, runBuild } from './builds.js'

const args = process.argv.slice(2)
const named = args.filter((arg) => !arg.startsWith('--'))
const unknown = named.filter((name) => !builds.some((build) => build.name === name))
if (unknown.length > 0) throw new Error(`unknown build: ${unknown.join(', ')}`)
for (const build of builds) {
  if (named.length > 0 && !named.includes(build.name)) continue
  if (args.includes('--if-stale') && isFresh(build)) continue
  runBuild(build)
}
