/**
 * Signing a session out ends the documents it had open at once, not at its next request: signing out
 * elsewhere and one's own password change ([SCHOOL-9], [SCHOOL-10]), the office's password reset
 * ([SCHOOL-8]) and signing out here. Sessions kept keep their documents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { SignedInSession } from '../../../shared/api/school.ts'
import { CloseCode } from '../../../shared/protocol/close-codes.ts'
import { apiClientFor } from '../../helpers/api-client.ts'
import { demoPassword, login, waitFor, wsToken } from '../../helpers/collab-client.ts'
import { openCookieSocket, openRawSocket, type RawSocket } from '../../helpers/raw-socket.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer

beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.stop()
})

/** A browser of `username` with the sample 导学案 open. */
async function browserOf(username: string, password = demoPassword) {
  const cookie = await login(server.url, username, password)
  const socket = await openCookieSocket(server.url, server.sampleDocumentId, cookie)
  await waitFor(() => socket.received.length > 0, `the room to greet ${username}`)
  return { cookie, socket }
}

function request(cookie: string, method: string, path: string, body?: unknown) {
  return fetch(`${server.url}${path}`, {
    method,
    headers: body === undefined ? { cookie } : { cookie, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
}

/** Still open: the room answers a sync step 1 (an empty state vector) with its sync step 2. */
async function stillOpen(socket: RawSocket): Promise<boolean> {
  if (socket.ws.readyState !== socket.ws.OPEN) return false
  const before = socket.received.length
  socket.ws.send(new Uint8Array([0, 0, 1, 0]))
  await waitFor(() => socket.received.length > before, 'the room to answer')
  return true
}

describe('documents open in a session that is signed out', () => {
  it('[SCHOOL-10] close when signed out elsewhere, all but this browser', async () => {
    const here = await browserOf('teacher1')
    const phone = await browserOf('teacher1')
    const laptop = await browserOf('teacher1')
    const response = await request(here.cookie, 'POST', '/api/me/sessions/end-others')
    expect(response.status).toBe(200)
    expect((await phone.socket.closed).code).toBe(CloseCode.unauthorized)
    expect((await laptop.socket.closed).code).toBe(CloseCode.unauthorized)
    expect(await stillOpen(here.socket)).toBe(true)
    here.socket.ws.close()
  })

  it('[SCHOOL-10] close when that one browser is signed out from another', async () => {
    const here = await browserOf('teacher2')
    const phone = await browserOf('teacher2')
    const laptop = await browserOf('teacher2')
    const sessions = (await (await request(here.cookie, 'GET', '/api/me/sessions')).json()) as SignedInSession[]
    // Which session is the phone's: the one whose end closes the phone's socket.
    const others = sessions.filter((session) => !session.current)
    expect((await request(here.cookie, 'DELETE', `/api/me/sessions/${others[0]!.id}`)).status).toBe(204)
    const phoneGone = (await request(phone.cookie, 'GET', '/api/me')).status === 401
    const [ended, kept] = phoneGone ? [phone, laptop] : [laptop, phone]
    expect((await ended.socket.closed).code).toBe(CloseCode.unauthorized)
    expect(await stillOpen(kept.socket)).toBe(true)
    expect(await stillOpen(here.socket)).toBe(true)
    for (const browser of [here, kept]) browser.socket.ws.close()
  })

  it('[SCHOOL-9] close in every other browser when one changes one’s password', async () => {
    const here = await browserOf('leader')
    const elsewhere = await browserOf('leader')
    const changed = await request(here.cookie, 'POST', '/api/me/password', {
      currentPassword: demoPassword,
      newPassword: 'wang-own-2026',
    })
    expect(changed.status).toBe(200)
    expect((await elsewhere.socket.closed).code).toBe(CloseCode.unauthorized)
    expect(await stillOpen(here.socket)).toBe(true)
    here.socket.ws.close()
  })

  it('[SCHOOL-8] close everywhere, ws tokens too, when the office resets the password', async () => {
    const browser = await browserOf('teacher3')
    const client = await openRawSocket(server.url, server.sampleDocumentId, await wsToken(server.url, 'teacher3'))
    const office = await apiClientFor(server.url, 'admin')
    const teacher3 = (await server.store.accounts.findUserByUsername('teacher3'))!
    expect((await office.post(`/api/admin/accounts/${teacher3.id}/reset-password`)).status).toBe(200)
    expect((await browser.socket.closed).code).toBe(CloseCode.unauthorized)
    expect((await client.closed).code).toBe(CloseCode.unauthorized)
  })

  it('close in this browser when it signs out, and only there', async () => {
    const here = await browserOf('mentor')
    const elsewhere = await browserOf('mentor')
    expect((await request(here.cookie, 'POST', '/api/auth/logout')).status).toBe(204)
    expect((await here.socket.closed).code).toBe(CloseCode.unauthorized)
    expect(await stillOpen(elsewhere.socket)).toBe(true)
    elsewhere.socket.ws.close()
  })
})
