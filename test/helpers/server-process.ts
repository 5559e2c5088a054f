/** Starts `server-child.ts` in a child process and waits for it to listen. */
import { type ChildProcess, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export interface ServerProcess {
  url: string
  port: number
  child: ChildProcess
  kill(signal?: NodeJS.Signals): Promise<void>
}

const childScript = fileURLToPath(new URL('./server-child.ts', import.meta.url))

export async function spawnServer(dataDir: string, port = 0): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout! })
  const ready = new Promise<number>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.startsWith('{')) resolve((JSON.parse(line) as { port: number }).port)
    })
    child.once('exit', (code) => reject(new Error(`server exited early with ${code}`)))
  })
  const listening = await ready
  return {
    url: `http://127.0.0.1:${listening}`,
    port: listening,
    child,
    async kill(signal = 'SIGKILL') {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = once(child, 'exit')
      child.kill(signal)
      await exited
    },
  }
}
