/** The audit area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import * as school from '../school-queries.ts'
import type { Database } from '../database-schema.ts'
import type { AuditCursor, AuditEntry, NewAuditEntry } from '../school-records.ts'
import type { AuditStore } from '../store.ts'

export class SqlAuditStore implements AuditStore {
  constructor(private readonly db: Kysely<Database>) {}

  addAuditEntry(entry: NewAuditEntry): Promise<AuditEntry> {
    return school.insertAuditEntry(this.db, entry)
  }

  listAuditEntries(schoolId: string, limit: number, after: AuditCursor | null): Promise<AuditEntry[]> {
    return school.listAuditEntries(this.db, schoolId, limit, after)
  }
}
