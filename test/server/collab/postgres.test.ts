import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { createTestDatabase, postgresSuiteEnabled, type TestDatabase } from '../../helpers/postgres.ts'
import { createDocumentInDemoGroup, startTestServer } from '../../helpers/test-server.ts'

const enabled = await postgresSuiteEnabled('collaboration on PostgreSQL')

describe.runIf(enabled)('collaboration on PostgreSQL', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await database.drop()
  })

  it('relays, acknowledges and keeps edits across a restart', async () => {
    const first = await startTestServer({ databaseUrl: database.url, compactAfter: 20 })
    const documentId = await createDocumentInDemoGroup(first)
    const writer = connectClient(first.url, documentId, await wsToken(first.url, 'teacher1'), { acks: true })
    const reader = connectClient(first.url, documentId, await wsToken(first.url, 'teacher2'))
    await Promise.all([waitForSync(writer), waitForSync(reader)])
    const typed = '重点：等式的性质；难点：移项要变号。'
    for (const char of typed) writer.doc.getText('t').insert(writer.text().length, char)
    await waitFor(() => writer.acked.get(writer.doc.clientID) === typed.length, 'acks')
    await waitFor(() => reader.text() === typed, 'relay')
    writer.destroy()
    reader.destroy()
    await first.stop()

    const second = await startTestServer({ databaseUrl: database.url })
    const late = connectClient(second.url, documentId, await wsToken(second.url, 'teacher3'))
    await waitForSync(late)
    expect(late.text()).toBe(typed)
    late.destroy()
    await second.stop()
  })
})
