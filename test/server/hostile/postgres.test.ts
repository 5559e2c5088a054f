import { afterAll, beforeAll, describe } from 'vitest'
import { createTestDatabase, postgresSuiteEnabled, type TestDatabase } from '../../helpers/postgres.ts'
import { hostileSuite } from './hostile-suite.ts'

const enabled = await postgresSuiteEnabled('hostile clients on PostgreSQL')

describe.runIf(enabled)('PostgreSQL', () => {
  let database: TestDatabase
  beforeAll(async () => {
    database = await createTestDatabase()
  })
  afterAll(async () => {
    await database?.drop()
  })
  hostileSuite('PostgreSQL', () => ({ databaseUrl: database.url }))
})
