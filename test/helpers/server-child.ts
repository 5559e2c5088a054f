/** A server in its own process, so tests can kill it with SIGKILL. Prints one JSON line when ready. */
import { startServer } from '../../server/start.ts'
import { testPasswordCost } from './test-server.ts'

const server = await startServer({
  port: Number(process.env.PORT ?? 0),
  dataDir: process.env.DATA_DIR,
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  redisPrefix: process.env.GONGBEI_REDIS_PREFIX || undefined,
  catchUpMs: process.env.GONGBEI_CATCH_UP_MS ? Number(process.env.GONGBEI_CATCH_UP_MS) : undefined,
  serveClient: false,
  demoPasswordCost: testPasswordCost,
})
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`)
