/** A server in its own process, so tests can kill it with SIGKILL. Prints one JSON line when ready. */
import { startServer } from '../../server/start.ts'

const server = await startServer({
  port: Number(process.env.PORT ?? 0),
  dataDir: process.env.DATA_DIR,
  serveClient: false,
})
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`)
