/**
 * Reads `GET /api/notifications/stream` the way EventSource does, over fetch with a session cookie,
 * collecting its events (heartbeat comments are left out).
 */
import { login } from './collab-client.ts'

export interface InboxEvent {
  event: string
  data: unknown
}

export interface InboxStreamClient {
  events: InboxEvent[]
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  close(): void
}

export async function openInboxStream(baseUrl: string, username: string): Promise<InboxStreamClient> {
  const cookie = await login(baseUrl, username)
  const abort = new AbortController()
  const response = await fetch(`${baseUrl}/api/notifications/stream`, { headers: { cookie }, signal: abort.signal })
  if (response.status !== 200 || !response.body) throw new Error(`the inbox stream answered ${response.status}`)
  const events: InboxEvent[] = []
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  const ended = (async () => {
    let buffered = ''
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffered += value
        let boundary: number
        while ((boundary = buffered.indexOf('\n\n')) !== -1) {
          const block = buffered.slice(0, boundary)
          buffered = buffered.slice(boundary + 2)
          const lines = block.split('\n').filter((line) => !line.startsWith(':'))
          const event = lines.find((line) => line.startsWith('event: '))?.slice(7)
          const data = lines
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n')
          if (event) events.push({ event, data: JSON.parse(data) })
        }
      }
    } catch (error) {
      if (!abort.signal.aborted) throw error
    }
  })()
  return { events, ended, close: () => abort.abort() }
}
