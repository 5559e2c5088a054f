/** `npm start`: the server on one port with the built client, SQLite by default. */
import { configFromEnvironment } from './config.ts'
import { logger } from './log/logger.ts'
import { tell } from './log/terminal.ts'
import { firstRunInstructions } from './school/first-run-instructions.ts'
import { startServer } from './start.ts'

const config = configFromEnvironment(process.env)
const server = await startServer({ ...config, serveClient: true })
const url = server.url.replace('0.0.0.0', 'localhost')

tell(`\n共备 Gongbei 已启动：${url}`)
tell(`存储：${config.databaseUrl ? 'PostgreSQL' : `SQLite（${config.dataDir}）`}`)
if (config.redisUrl) tell('多实例：经 Redis 与其他实例同步（REDIS_URL）')
if (server.demoAccounts.length > 0) {
  tell(`\n演示账号（密码均为 ${config.demoPassword}）：`)
  for (const account of server.demoAccounts) {
    tell(`  ${account.username.padEnd(12)} ${account.displayName}（${account.description}）`)
  }
}
if (server.firstRunToken !== null) tell(`\n${firstRunInstructions(url, server.firstRunToken)}`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    tell('\n正在保存并关闭……')
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.fatal({ err: error }, 'closing failed')
        process.exit(1)
      },
    )
  })
}
