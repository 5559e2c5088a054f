/** The sessions area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import * as school from '../school-queries.ts'
import type { Database } from '../database-schema.ts'
import type { SessionView } from '../school-records.ts'
import type { SessionRecord, SessionStore } from '../store.ts'

export class SqlSessionStore implements SessionStore {
  constructor(private readonly db: Kysely<Database>) {}

  createSession(tokenHash: string, session: SessionRecord): Promise<void> {
    return school.insertSession(this.db, tokenHash, session)
  }

  async findSession(tokenHash: string, now: Date): Promise<SessionRecord | null> {
    const row = await this.db
      .selectFrom('sessions')
      .select(['user_id', 'kind', 'expires_at'])
      .where('token_hash', '=', tokenHash)
      .where('expires_at', '>', now.getTime())
      .executeTakeFirst()
    if (row === undefined) return null
    return { userId: row.user_id, kind: row.kind as SessionRecord['kind'], expiresAt: new Date(row.expires_at) }
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute()
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', now.getTime()).executeTakeFirst()
    return Number(result.numDeletedRows)
  }

  listSessions(userId: string, now: Date): Promise<(SessionView & { tokenHash: string })[]> {
    return school.listSessions(this.db, userId, now)
  }

  deleteSessionById(userId: string, id: string): Promise<boolean> {
    return school.deleteSessionById(this.db, userId, id)
  }

  deleteOtherSessions(userId: string, keepTokenHash: string | null): Promise<number> {
    return school.deleteOtherSessions(this.db, userId, keepTokenHash)
  }
}
