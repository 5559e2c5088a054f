/** A bare `ws` client on `/collab/…`, for frames no well-behaved provider would send. */
import WebSocket from 'ws'

export interface RawSocket {
  ws: WebSocket
  closed: Promise<{ code: number; reason: string }>
  received: Uint8Array[]
}

export async function openRawSocket(
  baseUrl: string,
  documentId: string,
  token: string,
  params: Record<string, string> = {},
): Promise<RawSocket> {
  const query = new URLSearchParams({ token, ...params })
  return connect(`${baseUrl.replace(/^http/, 'ws')}/collab/${documentId}?${query}`, {})
}

/** A socket opened as a browser opens it: with the session cookie of one signed-in browser. */
export function openCookieSocket(baseUrl: string, documentId: string, cookie: string): Promise<RawSocket> {
  return connect(`${baseUrl.replace(/^http/, 'ws')}/collab/${documentId}`, { cookie })
}

async function connect(url: string, headers: Record<string, string>): Promise<RawSocket> {
  const ws = new WebSocket(url, { headers })
  const received: Uint8Array[] = []
  ws.on('message', (data) => received.push(new Uint8Array(data as Buffer)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  ws.on('error', () => {})
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)))
  })
  return { ws, closed, received }
}

/** The HTTP status an upgrade is refused with, or 101 if it is accepted. */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers })
    ws.once('open', () => {
      ws.close()
      resolve(101)
    })
    ws.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
    ws.on('error', () => {})
  })
}
