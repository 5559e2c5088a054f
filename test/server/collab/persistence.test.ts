import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { connectClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { createDocumentInDemoGroup, startTestServer } from '../../helpers/test-server.ts'

const dataDir = mkdtempSync(join(tmpdir(), 'gongbei-persist-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

describe('persistence', () => {
  it('keeps every edit across a restart, with the log folded into a snapshot', async () => {
    const first = await startTestServer({ dataDir, compactAfter: 10 })
    const documentId = await createDocumentInDemoGroup(first)
    const writer = connectClient(first.url, documentId, await wsToken(first.url, 'teacher1'), { acks: true })
    await waitForSync(writer)
    const text = writer.doc.getText('t')
    for (const char of '课后作业：完成练习册第12页第3题') text.insert(text.length, char)
    await waitFor(() => writer.acked.get(writer.doc.clientID) === text.length, 'all edits acknowledged')
    writer.destroy()
    await first.stop()

    const second = await startTestServer({ dataDir })
    const stored = await second.store.updates.documentStorageStats(documentId)
    expect(stored.logLength).toBeLessThan(10)
    const reader = connectClient(second.url, documentId, await wsToken(second.url, 'teacher2'))
    await waitForSync(reader)
    expect(reader.text()).toBe('课后作业：完成练习册第12页第3题')
    reader.destroy()
    await second.stop()
  })

  it('unloads a document once its last client has left and its state is stored', async () => {
    const server = await startTestServer({ dataDir })
    const documentId = await createDocumentInDemoGroup(server)
    const writer = connectClient(server.url, documentId, await wsToken(server.url, 'teacher1'), { acks: true })
    await waitForSync(writer)
    writer.doc.getText('t').insert(0, '展示交流')
    await waitFor(() => writer.acked.get(writer.doc.clientID) === 4, 'ack')
    const metrics = async () => (await fetch(`${server.url}/metrics`)).text()
    expect(await metrics()).toMatch(/gongbei_open_documents 1/)
    writer.destroy()
    await expect.poll(metrics, { timeout: 5000 }).toMatch(/gongbei_open_documents 0/)
    await server.stop()
  })
})
