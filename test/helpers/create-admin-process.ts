/** Runs `npm run create-admin -- …` as a real child process, the way an installer or an office would. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

export interface CommandResult {
  code: number | null
  stdout: string
  stderr: string
}

/** `env` replaces DATA_DIR / DATABASE_URL of this process: the command sees only what the test gives it. */
export function runCreateAdmin(
  args: readonly string[],
  env: { DATA_DIR?: string; DATABASE_URL?: string },
): Promise<CommandResult> {
  const { DATA_DIR: _dataDir, DATABASE_URL: _databaseUrl, ...inherited } = process.env
  const child = spawn('npm', ['run', '--silent', 'create-admin', '--', ...args], {
    cwd: repoRoot,
    env: { ...inherited, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (code) => resolve({ code, stdout, stderr }))
  })
}
