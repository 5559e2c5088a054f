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
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be a redis:// or rediss:// URL')
    .optional(),
  GONGBEI_REDIS_PREFIX: z.string().min(1).default('gongbei:'),
  GONGBEI_DEMO: z.enum(['0', '1']).default('1'),
  GONGBEI_DEMO_PASSWORD: z.string().min(6).default('gongbei-demo'),
  GONGBEI_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  GONGBEI_SEARCH_INDEX: z.enum(['0', '1']).default('1'),
})

export function configFromEnvironment(env: NodeJS.ProcessEnv) {
  const parsed = environment.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new Error(`invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const config = parsed.data
  // Instances share the database; SQLite is a file of one process, so a second instance would not see it.
  if (config.REDIS_URL && !config.DATABASE_URL) {
    throw new Error(
      'invalid configuration:\n  REDIS_URL is set but DATABASE_URL is not: several instances need PostgreSQL ' +
        '(set DATABASE_URL=postgres://…), or leave REDIS_URL unset to run one instance on SQLite',
    )
  }
  return {
    port: config.PORT,
    host: config.HOST,
    dataDir: config.DATA_DIR,
    databaseUrl: config.DATABASE_URL,
    redisUrl: config.REDIS_URL,
    redisPrefix: config.GONGBEI_REDIS_PREFIX,
    demo: config.GONGBEI_DEMO === '1',
    demoPassword: config.GONGBEI_DEMO_PASSWORD,
    trustProxy: config.GONGBEI_TRUST_PROXY === '1',
    searchIndexing: config.GONGBEI_SEARCH_INDEX === '1',
    sso: ssoSettingsOf(config),
  }
}
