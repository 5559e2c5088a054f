import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { digestOf } from '../../server/launch/builds.js'

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function checkout(): string {
  const root = mkdtempSync(join(tmpdir(), 'gongbei-builds-'))
  folders.push(root)
  mkdirSync(join(root, 'server', 'collab'), { recursive: true })
  writeFileSync(join(root, 'server', 'main.ts'), 'export {}\n')
  writeFileSync(join(root, 'server', 'collab', 'room.ts'), 'export const room = 1\n')
  writeFileSync(join(root, 'tsconfig.json'), '{}\n')
  return root
}

const inputs = ['server', 'tsconfig.json']

describe('the digest that tells a build is stale', () => {
  it('[BUILD-1] changes when a source changes, is added or is renamed', () => {
    const root = checkout()
    const before = digestOf(root, inputs)
    writeFileSync(join(root, 'server', 'collab', 'room.ts'), 'export const room = 2\n')
    const changed = digestOf(root, inputs)
    expect(changed).not.toBe(before)
    writeFileSync(join(root, 'server', 'collab', 'limits.ts'), 'export {}\n')
    const added = digestOf(root, inputs)
    expect(added).not.toBe(changed)
    rmSync(join(root, 'server', 'collab', 'limits.ts'))
    writeFileSync(join(root, 'server', 'collab', 'bounds.ts'), 'export {}\n')
    expect(digestOf(root, inputs)).not.toBe(added)
  })

  it('[BUILD-1] stays the same when only times change, or output and dot-files appear', () => {
    const root = checkout()
    const before = digestOf(root, inputs)
    utimesSync(join(root, 'server', 'main.ts'), new Date(0), new Date(0))
    mkdirSync(join(root, 'server', 'dist'))
    writeFileSync(join(root, 'server', 'dist', 'main.js'), 'export {}\n')
    writeFileSync(join(root, 'server', '.DS_Store'), 'x')
    expect(digestOf(root, inputs)).toBe(before)
  })
})
