/**
 * 统一身份认证登录 in Debian's chromium: the login page offers it, the school's provider (a real
 * oidc-provider started here) takes the page and gives it back signed in ([SCHOOL-15]); a teacher it
 * knows and 共备 does not reads why on the login page ([SCHOOL-16]).
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashPassword } from '../../server/auth/passwords.ts'
import { type IdentityProvider, ssoSettingsFor, startIdentityProvider } from '../helpers/identity-provider.ts'
import { startTestServer, type TestServer } from '../helpers/test-server.ts'
import { buildClient } from './helpers/build-client.ts'
import { browserSuitesEnabled, launchChromium } from './helpers/chromium.ts'

const enabled = browserSuitesEnabled()

describe.runIf(enabled)('browser: signing in through the school’s own sign-in', () => {
  let provider: IdentityProvider
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    const clientDir = await buildClient()
    provider = await startIdentityProvider({
      li: { preferred_username: 'li', name: '李老师' },
      wang: { preferred_username: 'wang', name: '王老师' },
    })
    ;[server, browser] = await Promise.all([
      startTestServer({
        demo: false,
        serveClient: true,
        clientDir,
        sso: ssoSettingsFor(provider),
      }),
      launchChromium(),
    ])
    provider.register(`${server.url}/api/auth/oidc/callback`)
    const office = await server.store.accounts.createSchoolWithAdmin('花园实验中学', {
      username: 'office',
      displayName: '周主任',
      color: '#1971c2',
      passwordHash: await hashPassword('office-password-1'),
    })
    await server.store.accounts.createAccount({
      schoolId: office.schoolId,
      username: 'li',
      displayName: '李老师',
      role: 'teacher',
      color: '#2f9e44',
      passwordHash: await hashPassword('li-password-1'),
    })
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await provider?.stop()
  })

  /** The provider's own pages: sign in (any password), then allow 共备 to know who this is. */
  async function signInAtProvider(page: Page, login: string) {
    await page.locator('input[name="login"]').fill(login)
    await page.locator('input[name="password"]').fill('the school password')
    await page.locator('button[type="submit"]').click()
    await page.locator('button[type="submit"]', { hasText: 'Continue' }).click()
  }

  it('[SCHOOL-15] 统一身份认证登录 → the provider → back in 共备, signed in', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    page.context().setDefaultTimeout(15_000)
    await page.goto(server.url)
    await page.getByTestId('login-sso').click()
    await page.waitForURL(`${provider.issuer}/**`)
    await signInAtProvider(page, 'li')
    await expect.poll(() => page.getByTestId('current-user').textContent()).toContain('李老师')
  })

  it('[SCHOOL-16] a teacher the provider knows and 共备 does not reads why on the login page', async () => {
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage()
    page.context().setDefaultTimeout(15_000)
    await page.goto(server.url)
    await page.getByTestId('login-sso').click()
    await signInAtProvider(page, 'wang')
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('还没有在共备开通')
    expect(await page.getByTestId('login-sso').textContent()).toBe('统一身份认证登录')
  })
})
