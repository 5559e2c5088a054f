/** Reads the server's configuration from the environment, refusing values that make no sense. */
import { z } from 'zod'
import { ssoEnvironment, ssoSettingsOf } from './auth/sso-settings.ts'

const environment = ssoEnvironment.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  GONGBEI_DEMO: z.enum(['0', '1']).default('1'),
  GONGBEI_DEMO_PASSWORD: z.string().min(6).default('gongbei-demo'),
  GONGBEI_TRUST_PROXY: z.enum(['0', '1']).default('0'),
})

export function configFromEnvironment(env: NodeJS.ProcessEnv) {
  const parsed = environment.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const config = parsed.data
  return {
    port: config.PORT,
    host: config.HOST,
    dataDir: config.DATA_DIR,
    databaseUrl: config.DATABASE_URL,
    demo: config.GONGBEI_DEMO === '1',
    demoPassword: config.GONGBEI_DEMO_PASSWORD,
    trustProxy: config.GONGBEI_TRUST_PROXY === '1',
    sso: ssoSettingsOf(config),
  }
}
