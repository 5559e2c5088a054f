/**
 * The first-run page's API and what start-up says on an empty database without the demo ([SCHOOL-1]).
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type RunningServer, startServer } from '../../../server/start.ts'
import { createTempDataDir, type TempDataDir } from '../../helpers/sqlite.ts'

const firstAccount = { school: '花园实验中学', username: 'zhou', password: 'qiuyue-2026', displayName: '周主任' }

function post(server: { url: string }, body: unknown) {
  return fetch(`${server.url}/api/setup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function errorOf(response: Response): Promise<string> {
  return ((await response.json()) as { error: { message: string } }).error.message
}

describe('the first-run page on an empty database', () => {
  let dataDir: TempDataDir
  let server: RunningServer
  beforeEach(async () => {
    dataDir = await createTempDataDir()
    server = await startServer({ port: 0, serveClient: false, demo: false, dataDir: dataDir.dir })
  })
  afterEach(async () => {
    await server.close()
    await dataDir.remove()
  })

  it('[SCHOOL-1] creates nobody by itself, and is needed until the first account exists', async () => {
    expect(await server.store.accounts.countUsers()).toBe(0)
    expect(server.firstRunToken).toMatch(/^[\w-]{20,}$/)
    const status = await fetch(`${server.url}/api/setup`)
    expect(await status.json()).toEqual({ needed: true })
  })

  it('[SCHOOL-1] creates the school with the token, signs the account in, and works only once', async () => {
    const token = server.firstRunToken!
    const created = await post(server, { ...firstAccount, token })
    expect(created.status).toBe(200)
    const cookie = created.headers.get('set-cookie')!.split(';')[0]!
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie } })
    expect(await me.json()).toMatchObject({ username: 'zhou', displayName: '周主任', role: 'admin' })
    expect(server.firstRunToken).toBeNull()

    const again = await post(server, { ...firstAccount, username: 'zhou2', token })
    expect(again.status).toBe(403)
    expect(await errorOf(again)).toBe('学校已经创建好了，请用已有的账号登录')
    expect(await server.store.accounts.countUsers()).toBe(1)
    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needed: false })
  })

  it('refuses a wrong token and keeps the right one working', async () => {
    const wrong = await post(server, { ...firstAccount, token: 'not-the-token' })
    expect(wrong.status).toBe(403)
    expect(await errorOf(wrong)).toBe('一次性口令不正确，请用服务器启动时显示的口令')
    expect(await server.store.accounts.countUsers()).toBe(0)
    expect((await post(server, { ...firstAccount, token: server.firstRunToken })).status).toBe(200)
  })

  it('does not use up the token on a request the rules refuse', async () => {
    const token = server.firstRunToken!
    const short = await post(server, { ...firstAccount, password: 'short', token })
    expect(short.status).toBe(400)
    expect(await errorOf(short)).toBe('密码至少 8 位')
    expect(server.firstRunToken).toBe(token)
    expect((await post(server, { ...firstAccount, token })).status).toBe(200)
  })

  it('closes once an account exists another way (create-admin meanwhile)', async () => {
    await server.store.accounts.createSchoolWithAdmin('花园实验中学', {
      username: 'cli',
      displayName: '教导处',
      passwordHash: 'x',
      color: '#495057',
    })
    const late = await post(server, { ...firstAccount, token: server.firstRunToken })
    expect(late.status).toBe(403)
    expect(await server.store.accounts.countUsers()).toBe(1)
  })

  it('lets only one of two simultaneous requests with the token through', async () => {
    const token = server.firstRunToken!
    const answers = await Promise.all([
      post(server, { ...firstAccount, token }),
      post(server, { ...firstAccount, username: 'zhou2', token }),
    ])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 403])
    expect(await server.store.accounts.countUsers()).toBe(1)
  })
})

describe('the first-run page once a school exists', () => {
  it('has no token and refuses every request', async () => {
    const dataDir = await createTempDataDir()
    const server = await startServer({ port: 0, serveClient: false, dataDir: dataDir.dir })
    try {
      expect(server.firstRunToken).toBeNull()
      expect((await post(server, { ...firstAccount, token: 'anything' })).status).toBe(403)
      expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ needed: false })
    } finally {
      await server.close()
      await dataDir.remove()
    }
  })
})

describe('start-up on an empty database without the demo', { timeout: 120_000 }, () => {
  it('[SCHOOL-1] says in Chinese how to create the first account, with a token that works', async () => {
    const dataDir = await createTempDataDir()
    const main = fileURLToPath(new URL('../../../server/main.ts', import.meta.url))
    const { DATABASE_URL: _postgres, ...inherited } = process.env
    const child = spawn(process.execPath, ['--import', 'tsx', main], {
      env: { ...inherited, DATA_DIR: dataDir.dir, PORT: '0', HOST: '127.0.0.1', GONGBEI_DEMO: '0' },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    try {
      const lines: string[] = []
      const reader = createInterface({ input: child.stdout })
      const tokenLine = await new Promise<string>((resolve, reject) => {
        reader.on('line', (line) => {
          lines.push(line)
          if (line.includes('一次性口令：')) resolve(line)
        })
        child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${lines.join('\n')}`)))
      })
      const output = lines.join('\n')
      expect(output).toContain('还没有任何账号。请先创建学校和第一个教导处账号')
      expect(output).toContain('npm run create-admin -- --school <学校名称> --username <用户名> --password <密码>')
      const url = /已启动：(\S+)/.exec(output)![1]!
      const token = /一次性口令：([\w-]+)/.exec(tokenLine)![1]!
      expect(output).toContain(`${url}/#/setup/${token}`)
      expect((await post({ url }, { ...firstAccount, token })).status).toBe(200)
    } finally {
      const exited = once(child, 'exit')
      child.kill('SIGTERM')
      await exited
      await dataDir.remove()
    }
  })
})
