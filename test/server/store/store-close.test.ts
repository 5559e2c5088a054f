import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TempDataDir, createTempDataDir } from '../../helpers/sqlite.ts'

const childScript = fileURLToPath(new URL('../../helpers/store-close-child.ts', import.meta.url))

function runChild(dataDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', childScript], {
      env: { ...process.env, DATA_DIR: dataDir },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('closing the SQLite store', () => {
  let dataDir: TempDataDir
  beforeEach(async () => {
    dataDir = await createTempDataDir()
  })
  afterEach(() => dataDir.remove())

  // Regression: the checkpoint worker is unref'd, so a script awaiting close() had nothing keeping it
  // alive and Node exited with code 13 (unsettled top-level await) before close() resolved.
  it('resolves close() in a process that has nothing else to wait for', async () => {
    const { code, stdout, stderr } = await runChild(dataDir.dir)
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: 'closed\n', stderr: '' })
  })
})
