/**
 * 单元: the textbook unit a lesson belongs to (「第三章 一元一次方程」), by which the 资源库 groups the
 * 课题 of a grade (LIBRARY-12). Empty for a lesson whose unit nobody has given.
 */
import type { Kysely } from 'kysely'

// Untyped on purpose: a migration describes the schema as it was, see migrate.ts.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('lessons')
    .addColumn('unit', 'text', (c) => c.notNull().defaultTo(''))
    .execute()
}
