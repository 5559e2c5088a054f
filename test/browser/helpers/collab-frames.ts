/** What a page's collab sockets received, to know that a colleague's edit reached the page's browser. */
import type { Page } from 'playwright-core'

export interface ReceivedFrames {
  /** Whether some received frame carries `text` (Yjs updates hold inserted text as UTF-8). */
  carries(text: string): boolean
}

/** Call before the page opens the document, so the socket is seen from its start. */
export function recordCollabFrames(page: Page): ReceivedFrames {
  const frames: Buffer[] = []
  page.on('websocket', (socket) => {
    if (!new URL(socket.url()).pathname.startsWith('/collab/')) return
    socket.on('framereceived', ({ payload }) => frames.push(Buffer.from(payload)))
  })
  return {
    carries: (text) => frames.some((frame) => frame.includes(Buffer.from(text))),
  }
}
