/**
 * `npm run create-admin` as a real child process against a fresh database, then the account signs in to
 * a server started on the same data ([SCHOOL-1]).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { startServer } from '../../../server/start.ts'
import { runCreateAdmin } from '../../helpers/create-admin-process.ts'
import { createTestDatabase, postgresSuiteEnabled } from '../../helpers/postgres.ts'
import { createTempDataDir, type TempDataDir } from '../../helpers/sqlite.ts'

const postgres = await postgresSuiteEnabled('create-admin on PostgreSQL')

const args = ['--school', '花园实验中学', '--username', 'zhou', '--password', 'qiuyue-2026', '--display-name', '周主任']

async function signIn(storage: { dataDir?: string; databaseUrl?: string }, username: string, password: string) {
  const server = await startServer({ port: 0, serveClient: false, demo: false, ...storage })
  try {
    const response = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    })
    return {
      status: response.status,
      body: (await response.json()) as { user?: { role: string; displayName: string } },
    }
  } finally {
    await server.close()
  }
}

describe('npm run create-admin on SQLite', { timeout: 120_000 }, () => {
  let dataDir: TempDataDir
  beforeEach(async () => {
    dataDir = await createTempDataDir()
  })
  afterEach(() => dataDir.remove())

  it('[SCHOOL-1] creates the school and its first 教导处 account, which can sign in', async () => {
    const result = await runCreateAdmin(args, { DATA_DIR: dataDir.dir })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('已创建学校「花园实验中学」和教导处账号 zhou（周主任）')
    const login = await signIn({ dataDir: dataDir.dir }, 'zhou', 'qiuyue-2026')
    expect(login.status).toBe(200)
    expect(login.body.user).toMatchObject({ role: 'admin', displayName: '周主任' })
  })

  it('refuses a username that is taken, in Chinese, and changes nothing', async () => {
    expect((await runCreateAdmin(args, { DATA_DIR: dataDir.dir })).code).toBe(0)
    const again = await runCreateAdmin(['--school', '河畔中学', '--username', 'zhou', '--password', 'another-pass'], {
      DATA_DIR: dataDir.dir,
    })
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('用户名 zhou 已被使用')
    expect((await signIn({ dataDir: dataDir.dir }, 'zhou', 'qiuyue-2026')).status).toBe(200)
  })

  it.each([
    [['--school', '花园实验中学', '--username', 'zhou'], 2, '缺少参数 --password'],
    [['--school', '花园实验中学', '--username', 'zhou', '--password', 'x', '--role', 'admin'], 2, '无法识别的参数'],
    [['--school', '花园实验中学', '--username', 'zhou', '--password', 'short'], 1, '密码至少 8 位'],
    [['--school', '  ', '--username', 'zhou', '--password', 'qiuyue-2026'], 1, '请填写学校名称'],
    [['--school', '花园实验中学', '--username', '周 主任', '--password', 'qiuyue-2026'], 1, '用户名须为'],
  ])('refuses %j with exit code %i and a Chinese reason', async (badArgs, code, message) => {
    const result = await runCreateAdmin(badArgs, { DATA_DIR: dataDir.dir })
    expect(result.code).toBe(code)
    expect(result.stderr).toContain(message)
    expect(result.stdout).toBe('')
    const server = await startServer({ port: 0, serveClient: false, demo: false, dataDir: dataDir.dir })
    try {
      expect(await server.store.accounts.countUsers()).toBe(0)
    } finally {
      await server.close()
    }
  })
})

describe.runIf(postgres)('npm run create-admin on PostgreSQL', { timeout: 120_000 }, () => {
  it('[SCHOOL-1] creates the account in the database of DATABASE_URL', async () => {
    const database = await createTestDatabase()
    try {
      const result = await runCreateAdmin(args, { DATABASE_URL: database.url })
      expect(result.stderr).toBe('')
      expect(result.code).toBe(0)
      expect((await signIn({ databaseUrl: database.url }, 'zhou', 'qiuyue-2026')).status).toBe(200)
    } finally {
      await database.drop()
    }
  })
})
