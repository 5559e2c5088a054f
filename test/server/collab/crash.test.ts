import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { connectClient, covers, login, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { typeThroughKill } from '../../helpers/kill-mid-stream.ts'
import { type ServerProcess, spawnServer } from '../../helpers/server-process.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-crash-'))
const processes: ServerProcess[] = []
afterAll(async () => {
  for (const p of processes) await p.kill()
  rmSync(dataDir, { recursive: true, force: true })
})

async function sampleDocumentId(url: string): Promise<string> {
  const cookie = await login(url, 'teacher1')
  const documents = (await (await fetch(`${url}/api/documents`, { headers: { cookie } })).json()) as { id: string }[]
  return documents[0]!.id
}

describe('kill -9 in the middle of a stream of edits', () => {
  it('loses nothing another client has seen or the writer was told is saved', async () => {
    const first = await spawnServer(dataDir)
    processes.push(first)
    const documentId = await sampleDocumentId(first.url)
    const writer = connectClient(first.url, documentId, await wsToken(first.url, 'teacher1'), { acks: true })
    const observer = connectClient(first.url, documentId, await wsToken(first.url, 'teacher2'))
    await Promise.all([waitForSync(writer), waitForSync(observer)])

    const typed = '一元一次方程的解法：去分母、去括号、移项、合并同类项、系数化为1。'.repeat(6)
    const { seenByObserver, acknowledged } = await typeThroughKill(writer, observer, typed, 150, first)
    expect(observer.text().length).toBeGreaterThan(0)
    expect(acknowledged.get(writer.doc.clientID)).toBeGreaterThan(0)

    const second = await spawnServer(dataDir, first.port)
    processes.push(second)
    const fresh = connectClient(second.url, documentId, await wsToken(second.url, 'teacher3'))
    await waitForSync(fresh)
    expect(covers(fresh.doc, seenByObserver)).toBe(true)
    expect(covers(fresh.doc, acknowledged)).toBe(true)

    // The writer reconnects by itself and sends what the crash cut off.
    await waitFor(() => fresh.text() === typed && observer.text() === typed, 'convergence after restart', 15_000)
    for (const client of [writer, observer, fresh]) client.destroy()
  })
})
