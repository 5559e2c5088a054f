/** JSON shapes of single sign-on (统一身份认证): whether the login page offers it. */
import { z } from 'zod'

export const ssoStatus = z.object({ enabled: z.boolean() })
export type SsoStatus = z.infer<typeof ssoStatus>

/** The browser comes back to the login page with the reason as `#/login?sso=<failure>`. */
export const ssoFailureParam = 'sso'

/** The office's view of sign-in for its school (`GET /api/admin/school/sso`). */
export const schoolSsoSettings = z.object({
  /** The server has a provider configured, and it belongs to this school. */
  configured: z.boolean(),
  /** [SCHOOL-16] A teacher the provider knows and we do not gets an account at first sign-in. */
  createsAccounts: z.boolean(),
})
export type SchoolSsoSettings = z.infer<typeof schoolSsoSettings>

export const schoolSsoChange = z.object({ createsAccounts: z.boolean() })
