/**
 * LOG-1: every line the server logs for an HTTP request or a WebSocket connection carries its id, so one
 * request's or one editor's story can be read out of a busy log. Read from the lines a real server
 * process prints.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { login, wsToken } from '../../helpers/collab-client.ts'
import { openRawSocket } from '../../helpers/raw-socket.ts'
import { type ServerProcess, spawnServer } from '../../helpers/server-process.ts'
import { createTempDataDir, type TempDataDir } from '../../helpers/sqlite.ts'
import { match } from '../../helpers/match.ts'

let dataDir: TempDataDir
let server: ServerProcess

beforeAll(async () => {
  dataDir = await createTempDataDir()
  server = await spawnServer(dataDir.dir, 0, { GONGBEI_LOG_LEVEL: 'info' })
})

afterAll(async () => {
  await server.kill()
  await dataDir.remove()
})

type LogLine = Record<string, unknown>

function logLines(): LogLine[] {
  return server.output.filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as LogLine)
}

describe('log lines', () => {
  it('[LOG-1] keep the X-Request-Id a proxy passes, echo it, and carry it in the request line', async () => {
    const answer = await fetch(`${server.url}/api/me`, { headers: { 'X-Request-Id': 'proxy-42' } })
    expect(answer.headers.get('X-Request-Id')).toBe('proxy-42')
    await expect
      .poll(() => logLines().find((line) => line.requestId === 'proxy-42'))
      .toMatchObject({ msg: 'request', method: 'GET', path: '/api/me', status: answer.status })
  })

  it('[LOG-1] give a request without a usable id one of their own', async () => {
    const given = await fetch(`${server.url}/api/me`, { headers: { 'X-Request-Id': 'not plain; at all' } })
    const made = given.headers.get('X-Request-Id')
    expect(made).toMatch(/^[0-9a-f-]{36}$/)
    const other = await fetch(`${server.url}/api/me`)
    expect(other.headers.get('X-Request-Id')).not.toBe(made)
    await expect.poll(() => logLines().some((line) => line.requestId === made)).toBe(true)
  })

  it('[LOG-1] carry one id in every line of a WebSocket connection, from open to close', async () => {
    const cookie = await login(server.url, 'teacher1')
    const documents = (await (await fetch(`${server.url}/api/documents`, { headers: { cookie } })).json()) as {
      id: string
    }[]
    const documentId = documents[0]!.id
    const socket = await openRawSocket(server.url, documentId, await wsToken(server.url, 'teacher1'))
    await expect
      .poll(() => logLines().find((line) => line.msg === 'connection opened'))
      .toMatchObject({ documentId, access: 'edit', connectionId: match.stringMatching(/^[0-9a-f-]{36}$/) })
    const connectionId = logLines().find((line) => line.msg === 'connection opened')!.connectionId
    socket.ws.close(1000)
    await expect
      .poll(() => logLines().find((line) => line.msg === 'connection closed'))
      .toMatchObject({ connectionId, documentId, code: 1000 })
  })
})
