/**
 * Child process: the reference server, `@y/websocket-server` 0.1.1 (in memory, no authentication), wired
 * the way its own `server.js` does it but on a port chosen by the system, and with the same `ws` version
 * as our server so that both pay the same transport cost.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebSocketServer } from 'ws'
import { serveRequests } from './ipc.ts'
import { usageRequests } from './process-usage.ts'
import { profilerRequests } from './window-profiler.ts'

const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' })
  response.end('okay')
})
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => setupWSConnection(ws, request))
})

serveRequests({
  start: () =>
    new Promise<{ port: number }>((resolve) => {
      server.listen(0, '127.0.0.1', () => resolve({ port: (server.address() as AddressInfo).port }))
    }),
  ...usageRequests,
  ...profilerRequests,
})
