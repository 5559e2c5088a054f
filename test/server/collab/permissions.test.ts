import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, login, type TestClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import type { AwarenessUser } from '../../../shared/protocol/awareness-update.ts'
import { MessageType, readAccess } from '../../../shared/protocol/messages.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { hashPassword } from '../../../server/auth/passwords.ts'
import { openRawSocket, upgradeStatus } from '../../helpers/raw-socket.ts'
import { createDocumentInDemoGroup, startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
let documentId: string
const clients: TestClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  documentId = await createDocumentInDemoGroup(server)
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

async function join(username: string, acks = false): Promise<TestClient> {
  const client = connectClient(server.url, documentId, await wsToken(server.url, username), { acks })
  clients.push(client)
  await waitForSync(client)
  return client
}

describe('read access, enforced by the server', () => {
  it('syncs a reader, refuses its edits, tells it, and never shows them to anyone', async () => {
    const editor = await join('teacher1')
    const reader = await join('guest')
    editor.doc.getText('t').insert(0, '学法指导')
    await waitFor(() => reader.text() === '学法指导', 'reader receives edits')

    reader.doc.getText('t').insert(0, '【专家改写】')
    await waitFor(() => reader.denials.length === 1, 'permission denied message')
    editor.doc.getText('t').insert(4, '：先独立思考')
    await waitFor(() => reader.text().endsWith('：先独立思考'), 'reader still syncs')
    expect(editor.text()).toBe('学法指导：先独立思考')

    const late = await join('teacher2')
    expect(late.text()).toBe('学法指导：先独立思考')
    const stored = await server.store.updates.loadDocumentState(documentId)
    const storedBytes = Buffer.concat(stored.updates.map((u) => Buffer.from(u))).toString('utf8')
    expect(storedBytes).not.toContain('专家改写')
  })

  it('tells a reader that opted in that it may only read', async () => {
    const reader = connectClient(server.url, documentId, await wsToken(server.url, 'guest'), { acks: true })
    clients.push(reader)
    let access = ''
    reader.provider.messageHandlers[MessageType.access] = (_encoder, decoder) => {
      access = readAccess(decoder)
    }
    await waitFor(() => access === 'read', 'access message')
  })

  it('relays a reader’s awareness: others see who is reading', async () => {
    const editor = await join('teacher1')
    const reader = await join('admin')
    reader.provider.awareness.setLocalStateField('cursor', null)
    await waitFor(
      () =>
        (editor.provider.awareness.getStates().get(reader.doc.clientID)?.user as AwarenessUser | undefined)?.name ===
        '周主任',
      'awareness',
    )
  })
})

describe('upgrade authentication', () => {
  const collab = () => `${server.url.replace('http', 'ws')}/collab/${documentId}`

  it('answers 401 before upgrading without credentials', async () => {
    expect(await upgradeStatus(collab())).toBe(401)
  })

  it('answers 401 for an unknown or forged token', async () => {
    expect(await upgradeStatus(`${collab()}?token=forged`)).toBe(401)
  })

  it('refuses a browser session cookie passed as a ws token', async () => {
    const cookie = await login(server.url, 'teacher1')
    expect(await upgradeStatus(`${collab()}?token=${cookie.split('=')[1]}`)).toBe(401)
  })

  it('accepts the session cookie of a browser', async () => {
    const cookie = await login(server.url, 'teacher1')
    expect(await upgradeStatus(collab(), { cookie })).toBe(101)
  })

  it('closes with 4404 for a document that does not exist, so a browser can tell', async () => {
    const token = await wsToken(server.url, 'teacher1')
    const raw = await openRawSocket(server.url, 'no-such-document', token)
    expect((await raw.closed).code).toBe(CloseCode.documentNotFound)
  })

  it('closes with 4403 for a user of another school, before sending any of the document', async () => {
    const schoolId = await server.store.accounts.createSchool('另一所学校')
    await server.store.accounts.createUser({
      username: 'outsider',
      displayName: '外校老师',
      role: 'teacher',
      schoolId,
      color: '#000000',
      passwordHash: await hashPassword('gongbei-demo'),
    })
    const raw = await openRawSocket(server.url, documentId, await wsToken(server.url, 'outsider'))
    expect((await raw.closed).code).toBe(CloseCode.forbidden)
    expect(raw.received).toEqual([])
  })

  it('answers 404 off the collaboration path', async () => {
    const token = await wsToken(server.url, 'teacher1')
    expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/elsewhere?token=${token}`)).toBe(404)
  })
})
