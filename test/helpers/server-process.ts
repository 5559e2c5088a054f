/**
 * Starts the server in a child process and waits for it to listen: from source (`server-child.ts`,
 * under tsx), or the compiled build exactly as `npm start` runs it.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

export interface ServerProcess {
  url: string
  port: number
  child: ChildProcess
  /** Every line the server has printed so far. */
  output: string[]
  /** Settles with the exit code (null if a signal ended it). */
  exited: Promise<number | null>
  kill(signal?: NodeJS.Signals): Promise<void>
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))
const childScript = fileURLToPath(new URL('./server-child.ts', import.meta.url))

/** `env` adds to the child's environment, e.g. `DATABASE_URL` and `REDIS_URL` for one of several instances. */
export function spawnServer(dataDir: string, port = 0, env: Record<string, string> = {}): Promise<ServerProcess> {
  return start(['--import', 'tsx', childScript], { ...env, DATA_DIR: dataDir, PORT: String(port) }, (line) => {
    // Log lines are JSON too, at a level the test run chooses.
    const ready = /^\{"port":(\d+)\}$/.exec(line)
    return ready ? Number(ready[1]) : null
  })
}

/** Builds the server unless `build/` is up to date with the sources, as `npm start` does. */
export async function buildServer(): Promise<void> {
  await promisify(execFile)(process.execPath, ['server/launch/build.js', '--if-stale', 'server'], { cwd: repoRoot })
}

/** The compiled server (`build/server/main.js`), as `npm start` runs it once it has built it. */
export function spawnBuiltServer(dataDir: string): Promise<ServerProcess> {
  const env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' }
  return start([join(repoRoot, 'build', 'server', 'main.js')], env, (line) => {
    const started = /已启动：http:\/\/[^:]+:(\d+)/.exec(line)
    return started ? Number(started[1]) : null
  })
}

async function start(
  args: string[],
  env: Record<string, string>,
  portIn: (line: string) => number | null,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const output: string[] = []
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const lines = createInterface({ input: child.stdout })
  const listening = await new Promise<number>((resolve, reject) => {
    lines.on('line', (line) => {
      output.push(line)
      const port = portIn(line)
      if (port !== null) resolve(port)
    })
    void exited.then((code) => reject(new Error(`server exited early with ${code}`)))
  })
  return {
    url: `http://127.0.0.1:${listening}`,
    port: listening,
    child,
    output,
    exited,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return
      const done = once(child, 'exit')
      child.kill(signal)
      await done
    },
  }
}
