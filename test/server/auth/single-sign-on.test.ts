/**
 * Single sign-on against a real OpenID Connect provider started here (oidc-provider), the whole
 * redirect flow walked as a browser would: [SCHOOL-15] the claim matches an account of the school,
 * [SCHOOL-16] accounts are created only where the office allows it, [SCHOOL-17] state, nonce and PKCE.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../../server/auth/passwords.ts'
import { login } from '../../helpers/collab-client.ts'
import { CookieBrowser } from '../../helpers/cookie-browser.ts'
import { type IdentityProvider, ssoSettingsFor, startIdentityProvider } from '../../helpers/identity-provider.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

const officePassword = 'office-password-1'
const people = {
  li: { preferred_username: 'li', name: '李老师' },
  wang: { preferred_username: 'wang', name: '王老师' },
  zhao: { preferred_username: 'zhao', name: '赵老师' },
  qian: { preferred_username: 'qian', name: '钱老师' },
  sun: { preferred_username: 'sun', name: '孙老师' },
  zhou: { preferred_username: 'zhou', name: '周老师' },
  qian2: { preferred_username: 'qian2', name: '钱二' },
  nameless: { name: '没有用户名' },
}

describe('single sign-on through the school’s OpenID Connect provider', () => {
  let provider: IdentityProvider
  let server: TestServer
  let schoolId: string
  let officeCookie: string

  beforeAll(async () => {
    provider = await startIdentityProvider(people)
    server = await startTestServer({ demo: false, sso: ssoSettingsFor(provider) })
    provider.register(`${server.url}/api/auth/oidc/callback`)
    const office = await server.store.accounts.createSchoolWithAdmin('花园实验中学', {
      username: 'office',
      displayName: '周主任',
      color: '#1971c2',
      passwordHash: await hashPassword(officePassword),
    })
    schoolId = office.schoolId
    officeCookie = await login(server.url, 'office', officePassword)
  })
  afterAll(async () => {
    await server.stop()
    await provider.stop()
  })

  async function teacher(username: string, options: { mustChangePassword?: boolean } = {}) {
    return server.store.accounts.createAccount({
      schoolId,
      username,
      displayName: `${username} 老师`,
      role: 'teacher',
      color: '#2f9e44',
      passwordHash: await hashPassword('teacher-password-1'),
      mustChangePassword: options.mustChangePassword ?? false,
    })
  }

  async function me(browser: CookieBrowser) {
    const response = await fetch(`${server.url}/api/me`, { headers: { cookie: browser.cookiesFor(server.url) } })
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }

  function setCreatesAccounts(createsAccounts: boolean) {
    return fetch(`${server.url}/api/admin/school/sso`, {
      method: 'PUT',
      headers: { cookie: officeCookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ createsAccounts }),
    })
  }

  it('tells the login page it is offered', async () => {
    expect(await (await fetch(`${server.url}/api/auth/oidc`)).json()).toEqual({ enabled: true })
  })

  it('[SCHOOL-15] signs a teacher into the account whose username the claim names', async () => {
    await teacher('li')
    const browser = new CookieBrowser(server.url)
    const landed = await browser.walk(`${server.url}/api/auth/oidc/start`, 'li')
    expect(landed.hash).toBe('#/')
    expect(await me(browser)).toMatchObject({ status: 200, body: { username: 'li', mustChangePassword: false } })
  })

  it('[SCHOOL-17] sends the provider a PKCE challenge, state and nonce, and keeps the verifier from the URL', async () => {
    const browser = new CookieBrowser(server.url)
    const response = await browser.request(`${server.url}/api/auth/oidc/start`)
    expect(response.status).toBe(302)
    const to = new URL(response.headers.get('location')!)
    expect(to.origin).toBe(provider.issuer)
    expect(to.searchParams.get('code_challenge_method')).toBe('S256')
    expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/)
    expect(to.searchParams.get('state')).toMatch(/^[\w-]{20,}$/)
    expect(to.searchParams.get('nonce')).toMatch(/^[\w-]{20,}$/)
    expect(to.searchParams.get('redirect_uri')).toBe(`${server.url}/api/auth/oidc/callback`)
    expect(to.searchParams.has('code_verifier')).toBe(false)
    const flowCookie = response.headers.getSetCookie().find((line) => line.startsWith('gongbei_sso='))
    expect(flowCookie).toMatch(/HttpOnly/i)
    expect(flowCookie).toMatch(/SameSite=Lax/i)
    expect(flowCookie).toMatch(/Max-Age=600/i)
  })

  it('[SCHOOL-17] refuses an answer that belongs to another browser’s sign-in', async () => {
    await teacher('zhao')
    const victim = new CookieBrowser(server.url)
    const victimStart = await victim.request(`${server.url}/api/auth/oidc/start`)
    const attacker = new CookieBrowser(server.url)
    await attacker.request(`${server.url}/api/auth/oidc/start`)
    // The attacker's own flow cookie, the victim's authorization request: the states differ.
    const landed = await attacker.walk(victimStart.headers.get('location')!, 'zhao')
    expect(landed.hash).toBe('#/login?sso=state')
    expect((await me(attacker)).status).toBe(401)
  })

  it('[SCHOOL-17] refuses a return without its flow cookie, or with one not signed by this server', async () => {
    await teacher('qian')
    const forgetful = new CookieBrowser(server.url)
    const started = await forgetful.request(`${server.url}/api/auth/oidc/start`)
    forgetful.setCookie(server.url, 'gongbei_sso', 'x')
    expect((await forgetful.walk(started.headers.get('location')!, 'qian')).hash).toBe('#/login?sso=state')

    const forger = new CookieBrowser(server.url)
    const begun = await forger.request(`${server.url}/api/auth/oidc/start`)
    const signed = decodeURIComponent(forger.cookiesFor(server.url).split('gongbei_sso=')[1]!.split(';')[0]!)
    const [value, signature] = [signed.slice(0, signed.lastIndexOf('.')), signed.slice(signed.lastIndexOf('.') + 1)]
    const tampered = JSON.stringify({ ...JSON.parse(value), verifier: 'a'.repeat(43) })
    forger.setCookie(server.url, 'gongbei_sso', encodeURIComponent(`${tampered}.${signature}`))
    expect((await forger.walk(begun.headers.get('location')!, 'qian')).hash).toBe('#/login?sso=state')
    expect((await me(forger)).status).toBe(401)
  })

  it('[SCHOOL-17] a callback answered once cannot be replayed', async () => {
    await teacher('sun')
    const browser = new CookieBrowser(server.url)
    const start = `${server.url}/api/auth/oidc/start`
    const callback = await browser.walk(start, 'sun', (next) => next.pathname === '/api/auth/oidc/callback')
    const flowCookie = browser.cookiesFor(server.url)
    expect((await browser.walk(callback.href, 'sun')).hash).toBe('#/')
    // The same answer again in this browser: its flow ended with the first.
    const replay = new CookieBrowser(server.url)
    expect((await replay.walk(callback.href, 'sun')).hash).toBe('#/login?sso=state')
    // With a copy of the flow cookie taken before: the provider refuses a spent code.
    const copied = new CookieBrowser(server.url)
    for (const pair of flowCookie.split('; ')) {
      const at = pair.indexOf('=')
      copied.setCookie(server.url, pair.slice(0, at), pair.slice(at + 1))
    }
    expect((await copied.walk(callback.href, 'sun')).hash).toBe('#/login?sso=invalid')
    expect((await me(copied)).status).toBe(401)
  })

  it('[SCHOOL-16] creates nobody unless the office allows it, then a 教师 in no group', async () => {
    const refused = new CookieBrowser(server.url)
    expect((await refused.walk(`${server.url}/api/auth/oidc/start`, 'wang')).hash).toBe('#/login?sso=no_account')
    expect(await server.store.accounts.findUserByUsername('wang')).toBeNull()

    const settings = await fetch(`${server.url}/api/admin/school/sso`, { headers: { cookie: officeCookie } })
    expect(await settings.json()).toEqual({ configured: true, createsAccounts: false })
    expect(await (await setCreatesAccounts(true)).json()).toEqual({ configured: true, createsAccounts: true })

    const welcomed = new CookieBrowser(server.url)
    expect((await welcomed.walk(`${server.url}/api/auth/oidc/start`, 'wang')).hash).toBe('#/')
    expect(await me(welcomed)).toMatchObject({
      status: 200,
      body: { username: 'wang', displayName: '王老师', role: 'teacher', groups: [], schoolId },
    })
    const entries = await server.store.audit.listAuditEntries(schoolId, 50, null)
    const wang = await server.store.accounts.findUserByUsername('wang')
    expect(entries.find((entry) => entry.action === 'account.createBySso')).toMatchObject({
      actorId: null,
      targetUserId: wang!.id,
    })
    expect(entries.find((entry) => entry.action === 'school.update')?.detail).toEqual({ ssoCreatesAccounts: true })
    // A second sign-in finds the account it made.
    const again = new CookieBrowser(server.url)
    expect((await again.walk(`${server.url}/api/auth/oidc/start`, 'wang')).hash).toBe('#/')
    expect((await server.store.accounts.listAccounts(schoolId)).filter((a) => a.username === 'wang')).toHaveLength(1)
    await setCreatesAccounts(false)
  })

  it('[SCHOOL-16] only the office changes whether sign-in creates accounts', async () => {
    await teacher('teacher-asks')
    const cookie = await login(server.url, 'teacher-asks', 'teacher-password-1')
    const response = await fetch(`${server.url}/api/admin/school/sso`, {
      method: 'PUT',
      headers: { cookie, 'Content-Type': 'application/json' },
      body: JSON.stringify({ createsAccounts: true }),
    })
    expect(response.status).toBe(403)
  })

  it('[SCHOOL-15] refuses a disabled account, and an identity without the configured claim', async () => {
    const zhou = await teacher('zhou')
    await server.store.accounts.setAccountDisabled(zhou.id, new Date())
    const disabled = new CookieBrowser(server.url)
    expect((await disabled.walk(`${server.url}/api/auth/oidc/start`, 'zhou')).hash).toBe('#/login?sso=disabled')
    expect((await me(disabled)).status).toBe(401)
    const nameless = new CookieBrowser(server.url)
    expect((await nameless.walk(`${server.url}/api/auth/oidc/start`, 'nameless')).hash).toBe('#/login?sso=claim')
  })

  it('[SCHOOL-15] the office’s unused one-time password stops working once the teacher signed in through the school', async () => {
    await teacher('qian2', { mustChangePassword: true })
    const browser = new CookieBrowser(server.url)
    expect((await browser.walk(`${server.url}/api/auth/oidc/start`, 'qian2')).hash).toBe('#/')
    expect(await me(browser)).toMatchObject({ status: 200, body: { username: 'qian2', mustChangePassword: false } })
    const withOldPassword = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'qian2', password: 'teacher-password-1' }),
    })
    expect(withOldPassword.status).toBe(401)
  })
})

describe('single sign-on when it is not configured, or the provider cannot be reached', () => {
  it('is not offered without configuration', async () => {
    const server = await startTestServer({ demo: false })
    try {
      expect(await (await fetch(`${server.url}/api/auth/oidc`)).json()).toEqual({ enabled: false })
      expect((await fetch(`${server.url}/api/auth/oidc/start`, { redirect: 'manual' })).status).toBe(404)
    } finally {
      await server.stop()
    }
  })

  it('sends the teacher back to the login page with the reason when the provider is down', async () => {
    const provider = await startIdentityProvider({})
    await provider.stop()
    const server = await startTestServer({ demo: false, sso: ssoSettingsFor(provider) })
    try {
      const response = await fetch(`${server.url}/api/auth/oidc/start`, { redirect: 'manual' })
      expect(response.status).toBe(302)
      expect(response.headers.get('location')).toBe('/#/login?sso=unavailable')
    } finally {
      await server.stop()
    }
  })
})
