/**
 * The store's query code, shared by both dialects through Kysely. A dialect adds only how it opens,
 * and `appendUpdates`, the hot path, which each dialect writes in its cheapest form.
 */
import { createHash, randomUUID } from 'node:crypto'
import { type Kysely, type Selectable, sql } from 'kysely'
import type { Role } from '../../shared/access.ts'
import type { LessonTemplate } from '../../shared/template/lesson-template.ts'
import type { Database, DocumentsTable, UsersTable } from './database-schema.ts'
import * as images from './image-queries.ts'
import type { ImageRecord, NewImage } from './image-records.ts'
import * as lessons from './lesson-queries.ts'
import type { LessonPlanChange, LessonRecord, LessonStageEvent, LessonStageMove, NewLesson } from './lesson-records.ts'
import type { SqlDialect } from './migrate.ts'
import * as templates from './template-queries.ts'
import * as meetings from './meeting-queries.ts'
import * as mentorships from './mentorship-queries.ts'
import type { MentorshipRecord, NewObservation, ObservationRecord } from './mentorship-records.ts'
import type { MeetingFields, MeetingRecord, NewMeeting } from './meeting-records.ts'
import * as notifications from './notification-queries.ts'
import type {
  NewNotification,
  NotificationCursor,
  NotificationPage,
  NotificationPruning,
  NotificationRecord,
} from './notification-records.ts'
import * as presence from './presence-queries.ts'
import * as roster from './roster-queries.ts'
import type { RosterWrite } from './roster-records.ts'
import * as school from './school-queries.ts'
import {
  type AccountChange,
  type AuditEntry,
  type GroupChange,
  type GroupDetails,
  GroupNameTakenError,
  type NewAccount,
  type NewAuditEntry,
  type SessionView,
  UsernameTakenError,
} from './school-records.ts'
import * as versions from './version-queries.ts'
import type {
  AdaptationRecord,
  ConflictRecord,
  ConflictStatus,
  NewConflict,
  NewLessonDocument,
  NewReflectionReference,
  NewVersion,
  ReflectionReferenceRecord,
  VersionRecord,
} from './version-records.ts'
import type {
  AccountRecord,
  DocumentRecord,
  GroupRecord,
  PresenceRecord,
  PresenceStart,
  SessionRecord,
  StoredDocumentState,
  Store,
  TemplateRecord,
  UserRecord,
  UserWithPassword,
} from './store.ts'

export abstract class SqlStore implements Store {
  abstract readonly dialect: SqlDialect
  #closing: Promise<void> | undefined

  protected constructor(protected readonly db: Kysely<Database>) {}

  abstract appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number>

  async createSchool(name: string): Promise<string> {
    const id = randomUUID()
    await this.db.insertInto('schools').values({ id, name, created_at: Date.now() }).execute()
    return id
  }

  async createUser(user: Omit<UserWithPassword, 'id'>): Promise<UserRecord> {
    const id = randomUUID()
    const inserted = await this.db
      .insertInto('users')
      .values({
        id,
        school_id: user.schoolId,
        username: user.username,
        display_name: user.displayName,
        password_hash: user.passwordHash,
        role: user.role,
        color: user.color,
        created_at: Date.now(),
      })
      .onConflict((conflict) => conflict.column('username').doNothing())
      .returning('id')
      .executeTakeFirst()
    if (inserted === undefined) throw new UsernameTakenError(user.username)
    const { username, displayName, role, schoolId, color } = user
    return { id, username, displayName, role, schoolId, color }
  }

  async findUserByUsername(username: string): Promise<UserWithPassword | null> {
    const row = await this.db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst()
    return row === undefined ? null : { ...toUser(row), passwordHash: row.password_hash }
  }

  async findUserById(id: string): Promise<UserRecord | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst()
    return row === undefined ? null : toUser(row)
  }

  async countUsers(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll().as('count'))
      .executeTakeFirstOrThrow()
    return Number(row.count)
  }

  async createGroup(schoolId: string, name: string): Promise<GroupRecord> {
    const id = randomUUID()
    const inserted = await this.db
      .insertInto('groups')
      .values({ id, school_id: schoolId, name, created_at: Date.now() })
      .onConflict((conflict) => conflict.columns(['school_id', 'name']).doNothing())
      .returning('id')
      .executeTakeFirst()
    if (inserted === undefined) throw new GroupNameTakenError(name)
    return { id, schoolId, name }
  }

  async addGroupMember(groupId: string, userId: string): Promise<void> {
    await this.db
      .insertInto('group_members')
      .values({ group_id: groupId, user_id: userId })
      .onConflict((conflict) => conflict.columns(['group_id', 'user_id']).doNothing())
      .execute()
  }

  async groupIdsOfUser(userId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('group_members')
      .select('group_id')
      .where('user_id', '=', userId)
      .orderBy('group_id')
      .execute()
    return rows.map((row) => row.group_id)
  }

  async listGroups(schoolId: string): Promise<GroupRecord[]> {
    const rows = await this.db
      .selectFrom('groups')
      .select(['id', 'school_id', 'name'])
      .where('school_id', '=', schoolId)
      .orderBy('name')
      .execute()
    return rows.map((row) => ({ id: row.id, schoolId: row.school_id, name: row.name }))
  }

  async findGroup(id: string): Promise<GroupRecord | null> {
    const row = await this.db.selectFrom('groups').select(['id', 'school_id', 'name']).where('id', '=', id).executeTakeFirst()
    return row === undefined ? null : { id: row.id, schoolId: row.school_id, name: row.name }
  }

  addMentorship(mentorId: string, apprenticeId: string, pairedBy?: string): Promise<boolean> {
    return mentorships.addMentorship(this.db, mentorId, apprenticeId, pairedBy ?? null)
  }

  async mentorIdsOf(apprenticeId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('mentorships')
      .select('mentor_id')
      .where('apprentice_id', '=', apprenticeId)
      .execute()
    return rows.map((row) => row.mentor_id)
  }

  removeMentorship(mentorId: string, apprenticeId: string): Promise<boolean> {
    return mentorships.removeMentorship(this.db, mentorId, apprenticeId)
  }

  listMentorships(schoolId: string): Promise<MentorshipRecord[]> {
    return mentorships.listMentorships(this.db, schoolId)
  }

  createObservation(observation: NewObservation): Promise<ObservationRecord> {
    return mentorships.createObservation(this.db, observation)
  }

  listObservationsBetween(userId: string, otherId: string): Promise<ObservationRecord[]> {
    return mentorships.listObservationsBetween(this.db, userId, otherId)
  }

  /** Not a plan they only created: the leader creates every lesson's plan, the 主备人 owns it. */
  async listDocumentsOwnedBy(userId: string): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where((eb) =>
        eb.or([
          eb('id', 'in', eb.selectFrom('lessons').select('document_id').where('lead_preparer_id', '=', userId)),
          eb.and([
            eb('created_by', '=', userId),
            eb.or([eb('kind', '<>', 'lesson-plan'), eb('lesson_id', 'is', null)]),
          ]),
        ]),
      )
      .orderBy('id')
      .execute()
    return rows.map(toDocument)
  }


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

  listSessions(userId: string, now: Date): Promise<(SessionView & { tokenHash: string })[]> {
    return school.listSessions(this.db, userId, now)
  }

  deleteSessionById(userId: string, id: string): Promise<boolean> {
    return school.deleteSessionById(this.db, userId, id)
  }

  deleteOtherSessions(userId: string, keepTokenHash: string | null): Promise<number> {
    return school.deleteOtherSessions(this.db, userId, keepTokenHash)
  }

  createSchoolWithAdmin(schoolName: string, admin: Omit<NewAccount, 'schoolId' | 'role'>): Promise<AccountRecord> {
    return school.createSchoolWithAdmin(this.db, schoolName, admin)
  }

  createAccount(account: NewAccount): Promise<AccountRecord> {
    return school.insertAccount(this.db, account)
  }

  findAccount(id: string): Promise<AccountRecord | null> {
    return school.findAccount(this.db, id)
  }

  listAccounts(schoolId: string): Promise<AccountRecord[]> {
    return school.listAccounts(this.db, schoolId)
  }

  updateAccount(id: string, change: AccountChange): Promise<AccountRecord | null> {
    return school.updateAccount(this.db, id, change)
  }

  setAccountDisabled(id: string, at: Date | null): Promise<AccountRecord | null> {
    return school.setAccountDisabled(this.db, id, at)
  }

  setPassword(id: string, passwordHash: string, mustChange: boolean): Promise<boolean> {
    return school.setPassword(this.db, id, passwordHash, mustChange)
  }

  countActiveAdmins(schoolId: string): Promise<number> {
    return school.countActiveAdmins(this.db, schoolId)
  }

  listGroupDetails(schoolId: string): Promise<GroupDetails[]> {
    return school.listGroupDetails(this.db, schoolId)
  }

  updateGroup(id: string, change: GroupChange): Promise<void> {
    return school.updateGroup(this.db, id, change)
  }

  setGroupMembers(groupId: string, userIds: readonly string[]): Promise<void> {
    return school.setGroupMembers(this.db, groupId, userIds)
  }

  setMemberships(userId: string, groupIds: readonly string[]): Promise<void> {
    return school.setMemberships(this.db, userId, groupIds)
  }

  setGuestGroups(userId: string, groupIds: readonly string[]): Promise<void> {
    return school.setGuestGroups(this.db, userId, groupIds)
  }

  guestGroupIdsOf(userId: string): Promise<string[]> {
    return school.guestGroupIdsOf(this.db, userId)
  }

  addAuditEntry(entry: NewAuditEntry): Promise<AuditEntry> {
    return school.insertAuditEntry(this.db, entry)
  }

  listAuditEntries(schoolId: string, limit: number, before: Date | null): Promise<AuditEntry[]> {
    return school.listAuditEntries(this.db, schoolId, limit, before)
  }

  usernamesOfOtherSchools(schoolId: string, usernames: readonly string[]): Promise<string[]> {
    return roster.usernamesOfOtherSchools(this.db, schoolId, usernames)
  }

  importRoster(write: RosterWrite): Promise<void> {
    return roster.importRoster(this.db, write)
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('sessions').where('expires_at', '<=', now.getTime()).executeTakeFirst()
    return Number(result.numDeletedRows)
  }

  async createDocument(
    doc: Omit<DocumentRecord, 'id' | 'createdAt' | 'lessonId'> & { lessonId?: string | null },
  ): Promise<DocumentRecord> {
    const record: DocumentRecord = { id: randomUUID(), createdAt: new Date(), ...doc, lessonId: doc.lessonId ?? null }
    await this.db
      .insertInto('documents')
      .values({
        id: record.id,
        school_id: record.schoolId,
        group_id: record.groupId,
        title: record.title,
        kind: record.kind,
        created_by: record.createdBy,
        created_at: record.createdAt.getTime(),
        lesson_id: record.lessonId,
      })
      .execute()
    return record
  }

  async findDocument(id: string): Promise<DocumentRecord | null> {
    const row = await this.db.selectFrom('documents').selectAll().where('id', '=', id).executeTakeFirst()
    return row === undefined ? null : toDocument(row)
  }

  async listDocumentsOfSchool(schoolId: string): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .selectAll()
      .where('school_id', '=', schoolId)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
    return rows.map(toDocument)
  }

  /**
   * One statement, so that both dialects read the document row, its snapshot and its log from one
   * consistent view even while a compaction commits in between (PostgreSQL's read committed takes a
   * fresh view per statement, not per transaction).
   */
  async loadUpdatesBetween(documentId: string, afterSeq: number, uptoSeq: number): Promise<Uint8Array[]> {
    const rows = await this.db
      .selectFrom('document_updates')
      .select('data')
      .where('document_id', '=', documentId)
      .where('seq', '>', afterSeq)
      .where('seq', '<=', uptoSeq)
      .orderBy('seq')
      .execute()
    return rows.map((row) => row.data)
  }

  /**
   * The last sequence number is the larger of `documents.last_seq` and the log's last row: PostgreSQL
   * bumps the column with every append (its row lock keeps a document's numbers in commit order), while
   * SQLite, with one writer at a time, leaves it to compaction, which raises it over the rows it deletes.
   */
  async loadDocumentState(documentId: string): Promise<StoredDocumentState> {
    const noBytes = sql<Uint8Array | null>`null`
    const noDigest = sql<string | null>`null`
    const rows = await this.db
      .selectFrom('documents')
      .select([
        sql<number>`0`.as('part'),
        'last_seq as seq',
        noBytes.as('data'),
        noBytes.as('state_vector'),
        noDigest.as('digest'),
      ])
      .where('id', '=', documentId)
      .unionAll(
        this.db
          .selectFrom('document_snapshots')
          .select([sql<number>`1`.as('part'), 'upto_seq as seq', 'data', 'state_vector', 'digest'])
          .where('document_id', '=', documentId),
      )
      .unionAll(
        this.db
          .selectFrom('document_updates')
          .select([sql<number>`2`.as('part'), 'seq', 'data', noBytes.as('state_vector'), noDigest.as('digest')])
          .where('document_id', '=', documentId),
      )
      .orderBy('part')
      .orderBy('seq')
      .execute()
    const [documentRow, ...stored] = rows
    if (documentRow === undefined || documentRow.part !== 0) throw new Error(`Document ${documentId} does not exist`)
    let snapshot: Uint8Array | null = null
    let snapshotStateVector: Uint8Array | null = null
    const updates: Uint8Array[] = []
    for (const row of stored) {
      if (row.data === null) throw new Error(`Document ${documentId} has a row without data`)
      if (row.part !== 1) {
        updates.push(row.data)
        continue
      }
      snapshot = row.data
      if (row.state_vector !== null) {
        // Loading trusts this state vector instead of parsing the snapshot, so the bytes must be the
        // ones it was computed from.
        if (row.digest !== digestOf(row.data)) {
          throw new Error(`Document ${documentId} has a snapshot that changed since it was written`)
        }
        snapshotStateVector = row.state_vector
      }
    }
    const lastRow = stored.at(-1)
    const lastSeq = Math.max(Number(documentRow.seq), lastRow?.part === 2 ? Number(lastRow.seq) : 0)
    return { snapshot, snapshotStateVector, updates, lastSeq }
  }

  async compactDocument(
    documentId: string,
    snapshot: Uint8Array,
    uptoSeq: number,
    stateVector?: Uint8Array,
  ): Promise<void> {
    const now = Date.now()
    const described = stateVector
      ? { state_vector: asBuffer(stateVector), digest: digestOf(snapshot) }
      : { state_vector: null, digest: null }
    await this.db.transaction().execute(async (trx) => {
      const document = await lastSeqQuery(trx, documentId).executeTakeFirst()
      if (document === undefined) throw new Error(`Document ${documentId} does not exist`)
      const lastSeq = Math.max(Number(document.last_seq), Number(document.log_seq ?? 0))
      // A snapshot claiming updates that were never written would hide them once they are.
      if (uptoSeq > lastSeq) {
        throw new Error(`Cannot compact document ${documentId} up to ${uptoSeq}: its last update is ${lastSeq}`)
      }
      // The rows deleted below may hold the last sequence number (SQLite appends leave the column as it
      // is); numbering must go on above them.
      if (uptoSeq > Number(document.last_seq)) {
        await trx.updateTable('documents').set({ last_seq: uptoSeq }).where('id', '=', documentId).execute()
      }
      await trx
        .insertInto('document_snapshots')
        .values({ document_id: documentId, data: asBuffer(snapshot), upto_seq: uptoSeq, updated_at: now, ...described })
        .onConflict((conflict) =>
          conflict
            .column('document_id')
            .doUpdateSet((eb) => ({
              data: eb.ref('excluded.data'),
              upto_seq: eb.ref('excluded.upto_seq'),
              updated_at: eb.ref('excluded.updated_at'),
              state_vector: eb.ref('excluded.state_vector'),
              digest: eb.ref('excluded.digest'),
            }))
            // A late compaction from an older state must not replace a newer snapshot: the updates
            // between the two are already gone from the log.
            .where('document_snapshots.upto_seq', '<=', uptoSeq),
        )
        .execute()
      await trx
        .deleteFrom('document_updates')
        .where('document_id', '=', documentId)
        .where('seq', '<=', uptoSeq)
        .execute()
    })
  }

  async documentStorageStats(documentId: string): Promise<{ bytes: number; logLength: number }> {
    const row = await this.db
      .selectNoFrom((eb) => [
        eb
          .selectFrom('document_updates')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('document_id', '=', documentId)
          .as('log_length'),
        eb
          .selectFrom('document_updates')
          .select(sql<number>`coalesce(sum(length(data)), 0)`.as('n'))
          .where('document_id', '=', documentId)
          .as('log_bytes'),
        eb
          .selectFrom('document_snapshots')
          .select(sql<number>`length(data)`.as('n'))
          .where('document_id', '=', documentId)
          .as('snapshot_bytes'),
      ])
      .executeTakeFirstOrThrow()
    return {
      bytes: Number(row.log_bytes ?? 0) + Number(row.snapshot_bytes ?? 0),
      logLength: Number(row.log_length ?? 0),
    }
  }

  // — 备课计划: lessons and their stage moves —
  createLesson(lesson: NewLesson): Promise<LessonRecord> {
    return lessons.createLesson(this.db, lesson)
  }

  findLesson(id: string): Promise<LessonRecord | null> {
    return lessons.findLesson(this.db, id)
  }

  listLessonsOfGroup(groupId: string, semester: string | null): Promise<LessonRecord[]> {
    return lessons.listLessonsOfGroup(this.db, groupId, semester)
  }

  listSemestersOfGroup(groupId: string): Promise<string[]> {
    return lessons.listSemestersOfGroup(this.db, groupId)
  }

  listLessonsOfLeadPreparer(userId: string): Promise<LessonRecord[]> {
    return lessons.listLessonsOfLeadPreparer(this.db, userId)
  }

  updateLessonPlan(id: string, change: LessonPlanChange): Promise<LessonRecord | null> {
    return lessons.updateLessonPlan(this.db, id, change)
  }

  deleteLesson(id: string, whileIn: LessonRecord['stage']): Promise<boolean> {
    return lessons.deleteLesson(this.db, id, whileIn)
  }

  moveLessonStage(move: LessonStageMove): Promise<boolean> {
    return lessons.moveLessonStage(this.db, move)
  }

  setLiveReviewOpen(lessonId: string, open: boolean, whileIn: LessonRecord['stage']): Promise<boolean> {
    return lessons.setLiveReviewOpen(this.db, lessonId, open, whileIn)
  }

  listLessonStageEvents(lessonId: string): Promise<LessonStageEvent[]> {
    return lessons.listLessonStageEvents(this.db, lessonId)
  }

  async listDocumentsOfLesson(lessonId: string): Promise<DocumentRecord[]> {
    const rows = await this.db
      .selectFrom('documents')
      .innerJoin('lessons', 'lessons.id', 'documents.lesson_id')
      .selectAll('documents')
      .where('documents.lesson_id', '=', lessonId)
      // The shared plan first even when another document was created within the same millisecond.
      .orderBy(sql`case when documents.id = lessons.document_id then 0 else 1 end`)
      .orderBy('documents.created_at')
      .orderBy('documents.id')
      .execute()
    return rows.map(toDocument)
  }

  async listGroupMembers(groupId: string): Promise<UserRecord[]> {
    const rows = await this.db
      .selectFrom('users')
      .innerJoin('group_members', 'group_members.user_id', 'users.id')
      .selectAll('users')
      .where('group_members.group_id', '=', groupId)
      .orderBy('users.display_name')
      .orderBy('users.id')
      .execute()
    return rows.map(toUser)
  }

  // — presence log —
  recordPresenceStart(entry: PresenceStart): Promise<void> {
    return presence.recordPresenceStart(this.db, entry)
  }

  recordPresenceEnd(id: string, leftAt: Date): Promise<void> {
    return presence.recordPresenceEnd(this.db, id, leftAt)
  }

  confirmPresence(runId: string, seenAt: Date): Promise<void> {
    return presence.confirmPresence(this.db, runId, seenAt)
  }

  endPresenceOfRun(runId: string, leftAt: Date): Promise<void> {
    return presence.endPresenceOfRun(this.db, runId, leftAt)
  }

  presenceOnDocuments(documentIds: readonly string[], from: Date, to: Date): Promise<PresenceRecord[]> {
    return presence.presenceOnDocuments(this.db, documentIds, from, to)
  }

  // — 集体备课记录 —
  createMeeting(meeting: NewMeeting): Promise<MeetingRecord> {
    return meetings.createMeeting(this.db, meeting)
  }

  updateMeeting(id: string, fields: MeetingFields, by: string): Promise<MeetingRecord | null> {
    return meetings.updateMeeting(this.db, id, fields, by)
  }

  findMeeting(id: string): Promise<MeetingRecord | null> {
    return meetings.findMeeting(this.db, id)
  }

  listMeetings(lessonIds: readonly string[]): Promise<MeetingRecord[]> {
    return meetings.listMeetings(this.db, lessonIds)
  }

  // — 导学案 templates —
  findTemplate(schoolId: string): Promise<TemplateRecord | null> {
    return templates.findTemplate(this.db, schoolId)
  }

  saveTemplate(schoolId: string, definition: LessonTemplate, updatedBy: string): Promise<TemplateRecord> {
    return templates.saveTemplate(this.db, schoolId, definition, updatedBy)
  }

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

  createLessonDocument(document: NewLessonDocument, baseVersionId: string | null): Promise<DocumentRecord> {
    return versions.createLessonDocument(this.db, document, baseVersionId)
  }

  findAdaptation(documentId: string): Promise<AdaptationRecord | null> {
    return versions.findAdaptation(this.db, documentId)
  }

  listAdaptations(lessonId: string): Promise<AdaptationRecord[]> {
    return versions.listAdaptations(this.db, lessonId)
  }

  recordPull(
    documentId: string,
    fromVersionId: string,
    toVersionId: string,
    conflicts: readonly NewConflict[],
  ): Promise<ConflictRecord[] | null> {
    return versions.recordPull(this.db, documentId, fromVersionId, toVersionId, conflicts)
  }

  listConflicts(documentId: string): Promise<ConflictRecord[]> {
    return versions.listConflicts(this.db, documentId)
  }

  resolveConflict(id: string, status: Exclude<ConflictStatus, 'open'>, userId: string): Promise<boolean> {
    return versions.resolveConflict(this.db, id, status, userId)
  }

  addReflectionReference(reference: NewReflectionReference): Promise<ReflectionReferenceRecord> {
    return versions.addReflectionReference(this.db, reference)
  }

  listReflectionReferences(reflectionIds: readonly string[]): Promise<ReflectionReferenceRecord[]> {
    return versions.listReflectionReferences(this.db, reflectionIds)
  }

  // — images of documents —
  addImages(newImages: readonly NewImage[]): Promise<void> {
    return images.addImages(this.db, newImages)
  }

  findImages(ids: readonly string[]): Promise<ImageRecord[]> {
    return images.findImages(this.db, ids)
  }

  // — the inbox —
  addNotifications(list: readonly NewNotification[]): Promise<NotificationRecord[]> {
    return notifications.addNotifications(this.db, list)
  }

  listNotifications(userId: string, limit: number, after: NotificationCursor | null): Promise<NotificationPage> {
    return notifications.listNotifications(this.db, userId, limit, after)
  }

  countUnreadNotifications(userId: string): Promise<number> {
    return notifications.countUnreadNotifications(this.db, userId)
  }

  markNotificationRead(userId: string, id: string, at: Date): Promise<NotificationRecord | null> {
    return notifications.markNotificationRead(this.db, userId, id, at)
  }

  markAllNotificationsRead(userId: string, at: Date): Promise<number> {
    return notifications.markAllNotificationsRead(this.db, userId, at)
  }

  pruneNotifications(userIds: readonly string[], pruning: NotificationPruning): Promise<number> {
    return notifications.pruneNotifications(this.db, userIds, pruning)
  }

  close(): Promise<void> {
    this.#closing ??= this.db.destroy()
    return this.#closing
  }
}

/** Binds a Uint8Array that may be a view into a larger buffer (a WebSocket frame) without copying it. */
/**
 * A document's `last_seq` column and its log's highest number (`log_seq`): its last sequence number is
 * the larger of the two (see `loadDocumentState`).
 */
export function lastSeqQuery(db: Kysely<Database>, documentId: string) {
  return db
    .selectFrom('documents')
    .select((eb) => [
      'last_seq',
      eb
        .selectFrom('document_updates')
        .select((inner) => inner.fn.max('seq').as('seq'))
        .whereRef('document_updates.document_id', '=', 'documents.id')
        .as('log_seq'),
    ])
    .where('id', '=', documentId)
}

function digestOf(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function toUser(row: Selectable<UsersTable>): UserRecord {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role as Role,
    schoolId: row.school_id,
    color: row.color,
  }
}

function toDocument(row: Selectable<DocumentsTable>): DocumentRecord {
  return {
    id: row.id,
    groupId: row.group_id,
    schoolId: row.school_id,
    title: row.title,
    kind: row.kind,
    createdBy: row.created_by,
    createdAt: new Date(Number(row.created_at)),
    lessonId: row.lesson_id,
  }
}
