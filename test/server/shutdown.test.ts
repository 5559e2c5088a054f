/**
 * Regression: `npm start` ran the server under tsx, whose signal relay killed it with SIGKILL about
 * 60 ms after SIGTERM, so its shutdown (正在保存并关闭) never ran and documents were left uncompacted.
 * Here the compiled server, as `npm start` runs it, gets SIGTERM in the middle of a stream of edits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openStore } from '../../server/store/open-store.ts'
import {
  connectClient,
  covers,
  login,
  type TestClient,
  waitFor,
  waitForSync,
  wsToken,
} from '../helpers/collab-client.ts'
import { buildServer, type ServerProcess, spawnBuiltServer } from '../helpers/server-process.ts'
import { createTempDataDir, type TempDataDir } from '../helpers/sqlite.ts'

let dataDir: TempDataDir
let server: ServerProcess | null = null
const clients: TestClient[] = []

beforeAll(async () => {
  dataDir = await createTempDataDir()
  await buildServer()
}, 300_000)

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server?.kill()
  await dataDir.remove()
})

async function sampleDocumentId(url: string): Promise<string> {
  const cookie = await login(url, 'teacher1')
  const documents = (await (await fetch(`${url}/api/documents`, { headers: { cookie } })).json()) as { id: string }[]
  return documents[0]!.id
}

/** Types into its own text one character after another until `until` settles; returns what it typed. */
async function typeUntil(client: TestClient, textName: string, until: Promise<unknown>): Promise<string> {
  let stopped = false
  void until.finally(() => (stopped = true))
  const text = client.doc.getText(textName)
  let typed = ''
  while (!stopped) {
    const character = '去分母去括号移项合并同类项'[typed.length % 13]!
    text.insert(text.length, character)
    typed += character
    await new Promise((resolve) => setTimeout(resolve, 1))
  }
  return typed
}

describe('SIGTERM to the compiled server', () => {
  it('[SHUTDOWN-1] under a stream of edits: stores every acknowledged edit, compacts and exits 0', async () => {
    server = await spawnBuiltServer(dataDir.dir)
    const documentId = await sampleDocumentId(server.url)
    // Two tabs of the lead preparer, each writing its own text so that what each typed stays in order.
    const writers = await Promise.all(
      [0, 1].map(async () =>
        connectClient(server!.url, documentId, await wsToken(server!.url, 'teacher1'), { acks: true }),
      ),
    )
    clients.push(...writers)
    await Promise.all(writers.map(waitForSync))

    const exited = server.exited
    const typing = writers.map((writer, i) => typeUntil(writer, `t${i}`, exited))
    await waitFor(() => writers.every((writer) => writer.frames.acked >= 50), 'edits stored before the signal', 20_000)
    // A burst that keeps the server's event loop busy while the signal arrives: the moment a wrapper
    // that waits for its child to acknowledge the signal gives up and kills it.
    const burst = writers[0]!.doc.getText('burst')
    for (let i = 0; i < 3000; i++) burst.insert(burst.length, '练')
    await new Promise((resolve) => setTimeout(resolve, 20))
    server.child.kill('SIGTERM')
    expect(await exited).toBe(0)
    const typed = await Promise.all(typing)
    expect(server.output).toContain('正在保存并关闭……')

    const store = await openStore({ dataDir: dataDir.dir })
    try {
      const stored = await store.updates.loadDocumentState(documentId)
      expect(stored.snapshot).not.toBeNull()
      expect(stored.updates).toEqual([])
      const doc = new Y.Doc()
      Y.applyUpdate(doc, stored.snapshot!)
      for (const [i, writer] of writers.entries()) {
        expect(covers(doc, writer.acked)).toBe(true)
        const text = doc.getText(`t${i}`).toString()
        expect(text.length).toBeGreaterThanOrEqual(50)
        expect(typed[i]!.startsWith(text)).toBe(true)
      }
    } finally {
      await store.close()
    }
  }, 120_000)
})
