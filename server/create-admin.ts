/**
 * `npm run create-admin -- --school <学校名称> --username <u> --password <p> [--display-name <姓名>]`:
 * creates a school and its first 教导处 account in the database the server would use (`DATA_DIR` or
 * `DATABASE_URL`). Exits 0 once the account can sign in; 2 for arguments that make no sense, 1 when the
 * account cannot be created.
 */
import { configFromEnvironment } from './config.ts'
import { complain, tell } from './log/terminal.ts'
import { parseCreateAdminArguments } from './school/admin-arguments.ts'
import { createFirstAccount } from './school/first-account.ts'
import { openStore } from './store/open-store.ts'

const parsed = parseCreateAdminArguments(process.argv.slice(2))
if (!parsed.ok) {
  complain(parsed.message)
  process.exit(2)
}

let config: ReturnType<typeof configFromEnvironment>
try {
  config = configFromEnvironment(process.env)
} catch (error) {
  complain(`配置有误：${error instanceof Error ? error.message : String(error)}`)
  process.exit(2)
}

let store: Awaited<ReturnType<typeof openStore>>
try {
  store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl })
} catch (error) {
  complain(`无法打开数据库：${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
}

try {
  const outcome = await createFirstAccount(store, parsed.request)
  if (!outcome.ok) {
    complain(outcome.message)
    process.exitCode = 1
  } else {
    const { account, school } = outcome
    tell(`已创建学校「${school}」和教导处账号 ${account.username}（${account.displayName}）。`)
    tell('启动服务（npm start）后用这个账号登录，在「学校管理」里建备课组、添加老师。')
  }
} finally {
  await store.close()
}
