/**
 * Pings every socket at an interval and drops the ones that did not answer the previous ping. On a
 * weak network a connection can vanish without a close; without this it would sit in its room (and
 * in the presence log) until TCP gives up, which can take many minutes.
 */
import type { WebSocket, WebSocketServer } from 'ws'

export function startHeartbeat(wss: WebSocketServer, intervalMs = 30_000): () => void {
  const answered = new WeakSet<WebSocket>()
  wss.on('connection', (ws) => {
    answered.add(ws)
    ws.on('pong', () => answered.add(ws))
  })
  const timer = setInterval(() => {
    for (const ws of wss.clients) {
      if (!answered.has(ws)) {
        ws.terminate()
        continue
      }
      answered.delete(ws)
      ws.ping()
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
