/**
 * Whether the school's single sign-on may create an account for a teacher it does not know yet
 * ([SCHOOL-16]); off until the office turns it on.
 */
import type { Kysely } from 'kysely'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('schools')
    .addColumn('sso_creates_accounts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
}
