/**
 * Versioned schema migrations, run every time a store opens. Migrations are numbered files in
 * `migrations/`, listed here in order; a migration never changes once released, a change is a new file.
 */
import { inspect } from 'node:util'
import { type Kysely, type Migration, Migrator } from 'kysely'
import * as initial from './migrations/001-initial.ts'
import * as lessons from './migrations/002-lessons.ts'
import * as versions from './migrations/003-versions.ts'
import * as templates from './migrations/004-templates.ts'
import * as meetings from './migrations/005-meetings.ts'
import * as mentorship from './migrations/007-mentorship.ts'
import * as images from './migrations/006-images.ts'
import * as notifications from './migrations/008-notifications.ts'
import * as snapshotStateVector from './migrations/009-snapshot-state-vector.ts'
import * as schoolAdmin from './migrations/010-school-admin.ts'
import * as singleSignOn from './migrations/011-single-sign-on.ts'
import * as search from './migrations/012-search.ts'
import * as library from './migrations/013-library.ts'
import * as lessonRounds from './migrations/014-lesson-rounds.ts'
import * as planChecks from './migrations/015-plan-checks.ts'
import * as searchRank from './migrations/016-search-rank.ts'
import * as lessonUnits from './migrations/017-lesson-units.ts'
import type { Database } from './database-schema.ts'
import type { Store } from './store.ts'

export type SqlDialect = Store['dialect']

/**
 * Migrations see the database without its tables (`Kysely<unknown>`): they describe the schema as it
 * was when they were written, not the current `Database` type, so they change it through the schema
 * builder and plain SQL.
 */
interface MigrationModule {
  up(db: Kysely<unknown>, dialect: SqlDialect): Promise<void>
}

const migrations: Record<string, MigrationModule> = {
  '001-initial': initial,
  '002-lessons': lessons,
  '003-versions': versions,
  '004-templates': templates,
  '005-meetings': meetings,
  '007-mentorship': mentorship,
  '006-images': images,
  '008-notifications': notifications,
  '009-snapshot-state-vector': snapshotStateVector,
  '010-school-admin': schoolAdmin,
  '011-single-sign-on': singleSignOn,
  '012-search': search,
  '013-library': library,
  '014-lesson-rounds': lessonRounds,
  '015-plan-checks': planChecks,
  '016-search-rank': searchRank,
  '017-lesson-units': lessonUnits,
}

export async function migrateToLatest(db: Kysely<Database>, dialect: SqlDialect): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: {
      async getMigrations() {
        const bound: Record<string, Migration> = {}
        for (const [name, migration] of Object.entries(migrations)) {
          bound[name] = { up: (db) => migration.up(db, dialect) }
        }
        return bound
      },
    },
  })
  const { error, results } = await migrator.migrateToLatest()
  if (error === undefined) return
  const failed = results?.find((result) => result.status === 'Error')?.migrationName
  const reason = error instanceof Error ? error.message : inspect(error)
  throw new Error(
    failed === undefined
      ? `Cannot migrate the ${dialect} database: ${reason}`
      : `Cannot migrate the ${dialect} database: migration ${failed} failed: ${reason}`,
    { cause: error },
  )
}
