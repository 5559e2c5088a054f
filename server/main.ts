/** `npm start`: the server on one port with the built client, SQLite by default. */
import { configFromEnvironment } from './config.ts'
import { firstRunInstructions } from './school/first-run-instructions.ts'
import { startServer } from './start.ts'

const config = configFromEnvironment(process.env)
const server = await startServer({ ...config, serveClient: true })
const url = server.url.replace('0.0.0.0', 'localhost')

console.log(`\n共备 Gongbei 已启动：${url}`)
console.log(`存储：${config.databaseUrl ? 'PostgreSQL' : `SQLite（${config.dataDir}）`}`)
if (server.demoAccounts.length > 0) {
  console.log(`\n演示账号（密码均为 ${config.demoPassword}）：`)
  for (const account of server.demoAccounts) {
    console.log(`  ${account.username.padEnd(12)} ${account.displayName}（${account.description}）`)
  }
}
if (server.firstRunToken !== null) console.log(`\n${firstRunInstructions(url, server.firstRunToken)}`)

let stopping = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return
    stopping = true
    console.log('\n正在保存并关闭……')
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error)
        process.exit(1)
      },
    )
  })
}
