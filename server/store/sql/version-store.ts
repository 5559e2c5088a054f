/** The versions area of the store over SQL, shared by both dialects. */
import type { Kysely } from 'kysely'
import * as versions from '../version-queries.ts'
import type { Database } from '../database-schema.ts'
import type { LessonStageMove } from '../lesson-records.ts'
import type { VersionStore } from '../store.ts'
import type { NewRoundStart, NewVersion, RoundStartRecord, VersionRecord } from '../version-records.ts'

export class SqlVersionStore implements VersionStore {
  constructor(private readonly db: Kysely<Database>) {}

  // — 定稿 versions, adaptations, reflections' references —
  createVersion(version: NewVersion): Promise<VersionRecord> {
    return versions.createVersion(this.db, version)
  }

  finalizeLesson(move: LessonStageMove, version: NewVersion): Promise<VersionRecord | null> {
    return versions.finalizeLesson(this.db, move, version)
  }

  listVersions(lessonId: string): Promise<VersionRecord[]> {
    return versions.listVersions(this.db, lessonId)
  }

  findVersion(id: string): Promise<VersionRecord | null> {
    return versions.findVersion(this.db, id)
  }

  versionState(id: string): Promise<Uint8Array | null> {
    return versions.versionState(this.db, id)
  }

  startRound(move: LessonStageMove, round: NewRoundStart): Promise<RoundStartRecord | null> {
    return versions.startRound(this.db, move, round)
  }

  listRoundStarts(lessonId: string): Promise<RoundStartRecord[]> {
    return versions.listRoundStarts(this.db, lessonId)
  }
}
