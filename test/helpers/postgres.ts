/**
 * Throw-away PostgreSQL databases for tests, on the server at `GONGBEI_TEST_DATABASE_URL`
 * (`postgres://postgres@127.0.0.1:5432/postgres` by default).
 *
 * A suite asks `await postgresSuiteEnabled('…')` at the top of its file and wraps itself in
 * `describe.runIf(enabled)`. Without a server the suite is skipped with a printed line, unless
 * `GONGBEI_REQUIRE_POSTGRES=1` (CI), where the missing server fails the run.
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { openStore } from '../../server/store/open-store.ts'

export const testServerUrl = process.env.GONGBEI_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export interface TestDatabase {
  /** Connection URL of the new, empty database. */
  url: string
  /** Drops the database, closing whatever connections are still open to it. */
  drop: () => Promise<void>
}

let availability: Promise<string | null> | undefined

/** Resolves to null when the server answers, else to the reason it does not. */
function probe(): Promise<string | null> {
  availability ??= withAdminClient(async (client) => {
    await client.query('select 1')
  }).then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  )
  return availability
}

export async function postgresAvailable(): Promise<boolean> {
  return (await probe()) === null
}

/**
 * Whether a PostgreSQL suite should run. Prints `SKIPPED: <suite> — …` when it should not, and throws
 * instead when `GONGBEI_REQUIRE_POSTGRES=1`, so that CI cannot pass without PostgreSQL.
 */
export async function postgresSuiteEnabled(suite: string): Promise<boolean> {
  const reason = await probe()
  if (reason === null) return true
  const where = describeServer()
  if (process.env.GONGBEI_REQUIRE_POSTGRES === '1') {
    throw new Error(
      `${suite}: PostgreSQL is required (GONGBEI_REQUIRE_POSTGRES=1), but no server answers at ${where}: ${reason}`,
    )
  }
  console.warn(`SKIPPED: ${suite} — no PostgreSQL server at ${where} (${reason}); set GONGBEI_TEST_DATABASE_URL`)
  return false
}

/** A new database, empty or a copy of `template` (which no one may be connected to meanwhile). */
export async function createTestDatabase(template?: TestDatabase): Promise<TestDatabase> {
  const name = `gongbei_test_${randomBytes(6).toString('hex')}`
  const from = template ? ` template ${databaseName(template)}` : ''
  await withAdminClient((client) => client.query(`create database ${name}${from}`))
  const url = new URL(testServerUrl)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    async drop() {
      await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`))
    },
  }
}

/**
 * A database migrated to the latest schema, for a suite that needs a fresh one for each test to copy
 * (`createTestDatabase(template)`): a copy takes a fraction of the time the migrations take. Opening a
 * store on a copy still runs the migrator, which finds nothing to do.
 */
export async function createMigratedTemplate(): Promise<TestDatabase> {
  const template = await createTestDatabase()
  try {
    await (await openStore({ databaseUrl: template.url })).close()
  } catch (error) {
    await template.drop()
    throw error
  }
  return template
}

function databaseName(database: TestDatabase): string {
  return new URL(database.url).pathname.slice(1)
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl, connectionTimeoutMillis: 3000 })
  // A connection error after connect() would otherwise be an unhandled 'error' event.
  client.on('error', () => {})
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

function describeServer(): string {
  const url = new URL(testServerUrl)
  return `${url.hostname}:${url.port || '5432'}`
}
