// @ts-check
/**
 * `npm start`: builds what is missing or stale, then runs the built server in this very process. No
 * loader and no wrapper process in between, so a SIGTERM reaches the server itself, which stores what
 * it accepted and compacts every open document before it exits.
 */
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { builds, isFresh, root, runBuild } from './builds.js'

for (const build of builds) {
  if (isFresh(build)) continue
  console.log(`正在构建${build.label}（首次启动或代码有改动）……`)
  runBuild(build)
}
// Stack traces then name lines of the TypeScript sources, from the build's source maps.
process.setSourceMapsEnabled(true)
await import(pathToFileURL(join(root, 'build', 'server', 'main.js')).href)
