/**
 * Builds client/ into client/dist, which the server serves, so the browser suites test today's client.
 *
 * In a child process with NODE_ENV=production, exactly like `npm run build`: inside vitest NODE_ENV is
 * `test`, and a build there mixes development JSX with React's production bundle.
 */
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js')

export async function buildClient(): Promise<void> {
  await promisify(execFile)(process.execPath, [viteBin, 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production' },
  })
}
