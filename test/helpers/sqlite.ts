/**
 * Temporary data folders for tests that open a SQLite store or a whole server.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface TempDataDir {
  dir: string
  remove: () => Promise<void>
}

export async function createTempDataDir(): Promise<TempDataDir> {
  const dir = await mkdtemp(join(tmpdir(), 'gongbei-test-'))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}
