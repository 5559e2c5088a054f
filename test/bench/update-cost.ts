/**
 * What one update costs the room, by document size: a backspace (an update that only deletes) and a
 * typed character, each received, stored (in memory) and relayed by a real `Room`, on documents made
 * from the real traces. Run with `npx tsx test/bench/update-cost.ts`; it prints a table.
 *
 * The documents: `automerge-paper` replayed until its Yjs encoding reaches 10 KB and 100 KB, and to its
 * end (one author's history, deletions included), then `S1.v1.yjs` and `C1.v1.yjs` as they are.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import * as Y from 'yjs'
import type { Actor } from '../../shared/access.ts'
import { Connection } from '../../server/collab/connection.ts'
import { encodeUpdate } from '../../server/collab/outgoing-message.ts'
import { RoomRegistry } from '../../server/collab/room-registry.ts'
import type { UserRecord } from '../../server/store/store.ts'
import { memoryUpdates } from '../helpers/memory-updates.ts'
import { type Patch, sharedDir } from './workload.ts'
import { median } from './stats.ts'

const editsPerKind = 60

interface Measured {
  document: string
  bytes: number
  firstDeletionMs: number
  deletionMs: number
  insertionMs: number
}

function traceDocuments(targets: readonly number[]): { name: string; update: Uint8Array }[] {
  const raw = gunzipSync(readFileSync(`${sharedDir}/traces/automerge-paper.json.gz`))
  const { txns } = JSON.parse(raw.toString('utf8')) as { txns: { patches: Patch[] }[] }
  const doc = new Y.Doc()
  const text = doc.getText('text')
  const found: { name: string; update: Uint8Array }[] = []
  let next = 0
  for (let t = 0; t < txns.length; t++) {
    doc.transact(() => {
      for (const [pos, del, ins] of txns[t]!.patches) {
        if (del > 0) text.delete(pos, del)
        if (ins.length > 0) text.insert(pos, ins)
      }
    })
    if (t % 500 !== 0 || next === targets.length) continue
    const update = Y.encodeStateAsUpdate(doc)
    if (update.length >= targets[next]!) {
      found.push({ name: `automerge-paper, ${t} txns`, update })
      next++
    }
  }
  found.push({ name: `automerge-paper, all ${txns.length} txns`, update: Y.encodeStateAsUpdate(doc) })
  return found
}

async function measure(name: string, update: Uint8Array): Promise<Measured> {
  const registry = new RoomRegistry({
    store: { updates: memoryUpdates([update]) },
    metrics: { connectionOpened() {}, connectionClosed() {}, updatesStored() {} },
    compactAfter: 1_000_000,
  })
  const socket = { send() {}, close() {}, terminate() {} }
  const writer = new Connection(socket, { id: 'writer' } as UserRecord, { userId: 'writer' } as Actor, 'edit', true)
  const reader = new Connection(socket, { id: 'reader' } as UserRecord, { userId: 'reader' } as Actor, 'edit', true)
  const room = await registry.join('doc', writer)
  await registry.join('doc', reader)
  const client = new Y.Doc()
  Y.applyUpdate(client, update)
  const text = client.getText('text')
  let position = Math.floor(text.length / 3)

  // What a y-websocket client sends for one transaction: exactly its update event.
  const send = async (edit: () => void): Promise<number> => {
    let update: Uint8Array | null = null
    client.once('update', (made: Uint8Array) => (update = made))
    edit()
    const started = performance.now()
    room.receive(writer, encodeUpdate(update!))
    await room.settle()
    return performance.now() - started
  }

  const deletions: number[] = []
  const insertions: number[] = []
  for (let i = 0; i <= editsPerKind; i++) {
    deletions.push(await send(() => text.delete(--position, 1)))
    insertions.push(await send(() => text.insert(position++, '学')))
  }
  await registry.shutdown()
  return {
    document: name,
    bytes: update.length,
    firstDeletionMs: deletions[0]!,
    deletionMs: median(deletions.slice(1)),
    insertionMs: median(insertions.slice(1)),
  }
}

const documents = [
  ...traceDocuments([10_000, 100_000]),
  { name: 'S1.v1.yjs', update: new Uint8Array(readFileSync(`${sharedDir}/traces/S1.v1.yjs`)) },
  { name: 'C1.v1.yjs', update: new Uint8Array(readFileSync(`${sharedDir}/traces/C1.v1.yjs`)) },
]
console.log('| document | bytes | first backspace (ms) | backspace, median (ms) | character, median (ms) |')
console.log('|---|---|---|---|---|')
for (const { name, update } of documents) {
  const m = await measure(name, update)
  console.log(
    `| ${m.document} | ${m.bytes} | ${m.firstDeletionMs.toFixed(2)} | ${m.deletionMs.toFixed(3)} | ${m.insertionMs.toFixed(3)} |`,
  )
}
