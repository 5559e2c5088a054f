/** The `GONGBEI_OIDC_*` variables as the README documents them. */
import { describe, expect, it } from 'vitest'
import { configFromEnvironment } from '../../../server/config.ts'

describe('single sign-on configuration', () => {
  it('is off without an issuer', () => {
    expect(configFromEnvironment({}).sso).toBeNull()
  })

  it('reads the provider, the claims and the school, with the documented defaults', () => {
    const { sso } = configFromEnvironment({
      GONGBEI_OIDC_ISSUER: 'https://id.example.edu.cn/realms/school',
      GONGBEI_OIDC_CLIENT_ID: 'gongbei',
      GONGBEI_OIDC_SCHOOL: '花园实验中学',
    })
    expect(sso).toMatchObject({
      clientId: 'gongbei',
      clientSecret: null,
      scope: 'openid profile',
      usernameClaim: 'preferred_username',
      nameClaim: 'name',
      redirectUri: null,
      school: '花园实验中学',
    })
    expect(sso?.issuer.href).toBe('https://id.example.edu.cn/realms/school')
    expect(sso?.cookieSecret.length).toBeGreaterThanOrEqual(32)
  })

  it('refuses an issuer without a client id, a scope without openid and a short cookie secret', () => {
    const issuer = { GONGBEI_OIDC_ISSUER: 'https://id.example.edu.cn' }
    expect(() => configFromEnvironment(issuer)).toThrow(/GONGBEI_OIDC_CLIENT_ID/)
    expect(() =>
      configFromEnvironment({ ...issuer, GONGBEI_OIDC_CLIENT_ID: 'gongbei', GONGBEI_OIDC_SCOPE: 'profile' }),
    ).toThrow(/GONGBEI_OIDC_SCOPE/)
    expect(() =>
      configFromEnvironment({ ...issuer, GONGBEI_OIDC_CLIENT_ID: 'gongbei', GONGBEI_OIDC_COOKIE_SECRET: 'short' }),
    ).toThrow(/GONGBEI_OIDC_COOKIE_SECRET/)
  })
})
