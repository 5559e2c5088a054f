/**
 * Regression: an update that only deletes (a backspace) made the room merge and decode the whole
 * document to learn its delete set, so each one cost what the document weighs: hundreds of
 * milliseconds at 1 MB, on the event loop. The work a room does for an update is counted here as the
 * bytes it hands to Yjs, on a small and a large document, never as a time.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { Actor } from '../../../shared/access.ts'
import { Connection } from '../../../server/collab/connection.ts'
import { encodeUpdate } from '../../../server/collab/outgoing-message.ts'
import { RoomRegistry } from '../../../server/collab/room-registry.ts'
import type { UserRecord } from '../../../server/store/store.ts'
import { memoryUpdates } from '../../helpers/memory-updates.ts'
import { randomSource } from '../../helpers/random-source.ts'

const work = vi.hoisted(() => ({ bytes: 0 }))

// Every Yjs function the server calls is counted by the bytes it is handed; Yjs's calls to itself are not.
vi.mock('yjs', async (importOriginal) => {
  const yjs = await importOriginal<Record<string, unknown>>()
  const counted: Record<string, unknown> = { ...yjs }
  for (const [name, value] of Object.entries(yjs)) {
    if (typeof value !== 'function' || !/^[a-z]/.test(name)) continue
    const original = value as (...args: unknown[]) => unknown
    counted[name] = (...args: unknown[]) => {
      for (const arg of args) work.bytes += bytesIn(arg)
      return original(...args)
    }
  }
  return counted
})

function bytesIn(value: unknown): number {
  if (value instanceof Uint8Array) return value.length
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + bytesIn(item), 0)
  return 0
}

/** A document written the way teachers write: passages inserted anywhere, bits of them deleted again. */
function writtenDocument(bytes: number, seed: number): Y.Doc {
  const random = randomSource(seed)
  const doc = new Y.Doc()
  const text = doc.getText('text')
  const passage = '学生先独立阅读课文，圈出不理解的词语，再在小组内交流讨论，'.repeat(10)
  while (Y.encodeStateAsUpdate(doc).length < bytes) {
    for (let i = 0; i < 20; i++) {
      text.insert(Math.floor(random() * (text.length + 1)), passage.slice(0, 20 + Math.floor(random() * 200)))
      if (text.length > 10) text.delete(Math.floor(random() * (text.length - 5)), 1 + Math.floor(random() * 4))
    }
  }
  return doc
}

const registries: RoomRegistry[] = []

afterEach(async () => {
  for (const registry of registries.splice(0)) await registry.shutdown()
})

/** Bytes handed to Yjs per backspace and per typed character, after one of each has warmed the room. */
async function workPerUpdate(document: Y.Doc): Promise<{ deletion: number; insertion: number; updateBytes: number }> {
  const registry = new RoomRegistry({
    store: { updates: memoryUpdates([Y.encodeStateAsUpdate(document)]) },
    metrics: { connectionOpened() {}, connectionClosed() {}, updatesStored() {} },
    compactAfter: 1_000_000,
  })
  registries.push(registry)
  const socket = { send() {}, close() {}, terminate() {} }
  const connect = (id: string) => new Connection(socket, { id } as UserRecord, { userId: id } as Actor, 'edit', true)
  const writer = connect('writer')
  const room = await registry.join('doc', writer)
  await registry.join('doc', connect('reader'))

  const text = document.getText('text')
  let position = Math.floor(text.length / 2)
  let updateBytes = 0
  const send = async (edit: () => void): Promise<number> => {
    let update: Uint8Array = new Uint8Array()
    document.once('update', (made: Uint8Array) => (update = made))
    edit()
    const frame = encodeUpdate(update)
    updateBytes = Math.max(updateBytes, update.length)
    work.bytes = 0
    room.receive(writer, frame)
    await room.settle()
    return work.bytes
  }
  const backspace = () => send(() => text.delete(--position, 1))
  const type = () => send(() => text.insert(position++, '题'))

  await backspace()
  await type()
  let deletion = 0
  let insertion = 0
  const rounds = 10
  for (let i = 0; i < rounds; i++) {
    deletion += await backspace()
    insertion += await type()
  }
  return { deletion: deletion / rounds, insertion: insertion / rounds, updateBytes }
}

describe('work per update', () => {
  it('[COST-1] a backspace or a typed character costs the same work in a 1 MB document as in a 10 KB one', async () => {
    const small = await workPerUpdate(writtenDocument(10_000, 1))
    const large = await workPerUpdate(writtenDocument(1_000_000, 2))

    expect(large.deletion).toBeLessThanOrEqual(2 * small.deletion)
    expect(large.insertion).toBeLessThanOrEqual(2 * small.insertion)
    // Each update is read about once: its parse on arrival.
    for (const measured of [small, large]) {
      expect(measured.deletion).toBeLessThanOrEqual(4 * measured.updateBytes)
      expect(measured.insertion).toBeLessThanOrEqual(4 * measured.updateBytes)
    }
  }, 60_000)
})

/** Bytes of snapshot written per stored update, over `updates` typed characters with `compactAfter` rows. */
async function foldedBytesPerUpdate(documentBytes: number, updates: number): Promise<number> {
  const document = new Y.Doc()
  const text = document.getText('text')
  text.insert(0, 'x'.repeat(documentBytes))
  let folded = 0
  const log = {
    ...memoryUpdates([Y.encodeStateAsUpdate(document)]),
    compactDocument: async (_documentId: string, snapshot: Uint8Array) => void (folded += snapshot.length),
  }
  const registry = new RoomRegistry({
    store: { updates: log },
    metrics: { connectionOpened() {}, connectionClosed() {}, updatesStored() {} },
    compactAfter: 20,
  })
  registries.push(registry)
  const writer = new Connection(
    { send() {}, close() {}, terminate() {} },
    { id: 'w' } as UserRecord,
    { userId: 'w' } as Actor,
    'edit',
    true,
  )
  const room = await registry.join('doc', writer)
  for (let i = 0; i < updates; i++) {
    let update: Uint8Array = new Uint8Array()
    document.once('update', (made: Uint8Array) => (update = made))
    text.insert(i, '题')
    room.receive(writer, encodeUpdate(update))
    await room.settle()
  }
  return folded / updates
}

describe('folding the log into the snapshot', () => {
  it('[COST-1] costs a 1.2 MB document no more per stored update than a 300 KB one', async () => {
    // Staggering moves a room's threshold by up to half; one document id for both keeps it equal.
    const small = await foldedBytesPerUpdate(300_000, 240)
    const large = await foldedBytesPerUpdate(1_200_000, 240)
    expect(small).toBeGreaterThan(0)
    expect(large).toBeLessThanOrEqual(1.5 * small)
  }, 60_000)
})
