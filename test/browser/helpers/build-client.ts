/**
 * Builds client/ for the browser suites, so they test today's client: once per test run, into a folder
 * of that run, which the suites' servers serve (`clientDir`).
 *
 * Once per run, by whichever browser suite asks first: suites run in parallel, and a build empties its
 * folder, under a suite already running its pages would lose the editor's chunk, which loads late. So
 * a lock makes the others wait for the first build, and a stamp in the folder says it is complete.
 * A folder per run, not client/dist: colleagues' runs in the same checkout, and `npm run build`, never
 * replace the client under each other's pages. The run's globalSetup removes it at the end.
 *
 * In a child process with NODE_ENV=production, exactly like `npm run build`: inside vitest NODE_ENV is
 * `test`, and a build there mixes development JSX with React's production bundle.
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { inject } from 'vitest'

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const viteBin = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js')
/** A build takes seconds; a lock this old was left by a run that was killed mid-build. */
const staleLockMs = 60_000

/** Where the test run `runId` builds the client. */
export function clientBuildDir(runId: string): string {
  return join(repoRoot, 'test-results', 'client-builds', runId)
}

/** Builds the client for this test run, unless a suite already did, and returns its folder. */
export async function buildClient(): Promise<string> {
  const outDir = clientBuildDir(inject('testRunId'))
  const stampPath = join(outDir, '.complete')
  await withBuildLock(`${outDir}.lock`, async () => {
    if (existsSync(stampPath)) return
    await promisify(execFile)(
      process.execPath,
      [
        viteBin,
        'build',
        '--config',
        'client/vite.config.ts',
        '--outDir',
        outDir,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'production' } },
    )
    writeFileSync(stampPath, '')
  })
  return outDir
}

async function withBuildLock(lockPath: string, build: () => Promise<void>): Promise<void> {
  mkdirSync(dirname(lockPath), { recursive: true })
  while (!tryLock(lockPath)) await new Promise((resolve) => setTimeout(resolve, 100))
  try {
    await build()
  } finally {
    rmSync(lockPath, { recursive: true, force: true })
  }
}

/** `mkdir` either creates the directory or fails because it exists: one winner, across processes. */
function tryLock(lockPath: string): boolean {
  try {
    mkdirSync(lockPath)
    return true
  } catch {
    if (Date.now() - lockedSince(lockPath) > staleLockMs) rmSync(lockPath, { recursive: true, force: true })
    return false
  }
}

/** When the lock was taken; now if it was released meanwhile. */
function lockedSince(lockPath: string): number {
  try {
    return statSync(lockPath).mtimeMs
  } catch {
    return Date.now()
  }
}
