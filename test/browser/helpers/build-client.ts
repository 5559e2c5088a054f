/**
 * Builds client/ into client/dist, which the server serves, so the browser suites test today's client.
 *
 * Once per test run, by whichever browser suite asks first. Suites run in parallel, and a build empties
 * client/dist: under a suite already running, its pages would lose the editor's chunk, which loads
 * late. So a lock makes the others wait for the first build, and a stamp in client/dist naming the run
 * tells them that it is done.
 *
 * In a child process with NODE_ENV=production, exactly like `npm run build`: inside vitest NODE_ENV is
 * `test`, and a build there mixes development JSX with React's production bundle.
 */
import { execFile } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { inject } from 'vitest'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js')
const stampPath = join(repoRoot, 'client', 'dist', '.test-run')
const lockPath = join(repoRoot, 'test-results', 'client-build.lock')
/** A build takes seconds; a lock this old was left by a run that was killed mid-build. */
const staleLockMs = 60_000

export async function buildClient(): Promise<void> {
  const run = inject('testRunId')
  await withBuildLock(async () => {
    if (readStamp() === run) return
    await promisify(execFile)(process.execPath, [viteBin, 'build', '--config', 'client/vite.config.ts', '--logLevel', 'warn'], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production' },
    })
    writeFileSync(stampPath, run)
  })
}

function readStamp(): string | null {
  try {
    return readFileSync(stampPath, 'utf8')
  } catch {
    return null
  }
}

async function withBuildLock(build: () => Promise<void>): Promise<void> {
  mkdirSync(dirname(lockPath), { recursive: true })
  while (!tryLock()) await new Promise((resolve) => setTimeout(resolve, 100))
  try {
    await build()
  } finally {
    rmSync(lockPath, { recursive: true, force: true })
  }
}

/** `mkdir` either creates the directory or fails because it exists: one winner, across processes. */
function tryLock(): boolean {
  try {
    mkdirSync(lockPath)
    return true
  } catch {
    if (Date.now() - lockedSince() > staleLockMs) rmSync(lockPath, { recursive: true, force: true })
    return false
  }
}

/** When the lock was taken; now if it was released meanwhile. */
function lockedSince(): number {
  try {
    return statSync(lockPath).mtimeMs
  } catch {
    return Date.now()
  }
}
