/**
 * The storage contract: `Store`, a set of areas, each its own repository interface (docs/ARCHITECTURE.md,
 * *Storage*). Two implementations (SQLite, PostgreSQL) pass the same contract suite per area in
 * `test/server/store/`. Every method is async so that callers never depend on SQLite being synchronous.
 */
import type { Role } from '../../shared/access.ts'
import type { LessonPlanChange, LessonRecord, LessonStageEvent, LessonStageMove, NewLesson } from './lesson-records.ts'
import type { ImageRecord, NewImage } from './image-records.ts'
import type { DraftSourceRecord, FinishedPlanRecord, NewDraftSource } from './library-records.ts'
import type { LibraryScope } from '../../shared/library/library-scope.ts'
import type {
  AccountChange,
  AccountState,
  AuditCursor,
  AuditEntry,
  AuditNote,
  GroupChange,
  GroupDetails,
  NewAccount,
  NewAuditEntry,
  NewGroupDetails,
  PasswordEffects,
  SchoolRecord,
  SessionView,
} from './school-records.ts'
import type { RosterWrite } from './roster-records.ts'
import type { PlanCheckRecord, PlanCheckWrite } from './check-records.ts'
import type { MeetingFields, MeetingRecord, NewMeeting } from './meeting-records.ts'
import type { MentorshipRecord, NewObservation, ObservationRecord } from './mentorship-records.ts'
import type {
  NewNotification,
  NotificationCursor,
  NotificationPage,
  NotificationPruning,
  NotificationRecord,
} from './notification-records.ts'
import type { SearchScope } from '../../shared/search/search-scope.ts'
import type {
  SearchEntryWrite,
  SearchFilterValues,
  SearchMatches,
  SearchRequest,
  StaleSearchFilter,
  StaleSearchSource,
} from './search-records.ts'
import type { LessonTemplate } from '../../shared/template/lesson-template.ts'
import type {
  AdaptationRecord,
  ConflictRecord,
  ConflictStatus,
  NewConflict,
  NewLessonDocument,
  NewReflectionReference,
  NewRoundStart,
  NewVersion,
  ReflectionReferenceRecord,
  RoundStartRecord,
  VersionRecord,
} from './version-records.ts'

export interface UserRecord {
  id: string
  username: string
  displayName: string
  role: Role
  schoolId: string
  /** Caret colour in the editor, `#rrggbb`. */
  color: string
}

/** A user with what decides whether the account works (migration 010). */
export type AccountRecord = UserRecord & AccountState

export interface UserWithPassword extends UserRecord {
  passwordHash: string
}

export interface GroupRecord {
  id: string
  schoolId: string
  name: string
}

export interface DocumentRecord {
  id: string
  groupId: string
  schoolId: string
  title: string
  /** `lesson-plan` (导学案) for now; later issues add others. */
  kind: string
  createdBy: string
  createdAt: Date
  /** The lesson it belongs to; null for a free document of its group. */
  lessonId: string | null
}

export interface SessionRecord {
  userId: string
  kind: 'cookie' | 'ws'
  expiresAt: Date
  /** The browser's own description, shown to its owner in 登录设备. */
  userAgent?: string | null
}

/** What `loadDocumentState` returns: the latest snapshot and the log written after it. */
export interface StoredDocumentState {
  snapshot: Uint8Array | null
  /** The snapshot's state vector as stored with it, once its bytes are checked against their digest. */
  snapshotStateVector: Uint8Array | null
  /** Updates in the order they were appended. */
  updates: Uint8Array[]
  /** Sequence number of the last update in `updates` (or the one the snapshot covers). */
  lastSeq: number
}

/** One connection of a user to a document, as it begins. */
export interface PresenceStart {
  id: string
  documentId: string
  userId: string
  /** The server instance run that holds the connection. */
  runId: string
  joinedAt: Date
}

export interface PresenceRecord {
  documentId: string
  userId: string
  joinedAt: Date
  /** Null while open, and for good if the server stopped without writing it (a crash). */
  leftAt: Date | null
  /** Last heartbeat that found the connection open. */
  seenAt: Date
}

/** A school's 导学案 template as the office last saved it. */
export interface TemplateRecord {
  schoolId: string
  definition: LessonTemplate
  updatedAt: Date
  /** Id of the user who saved it. */
  updatedBy: string
}

/** Schools and their users: signing in, the office's accounts (server/school/, server/auth/). */
export interface AccountStore {
  createSchool(name: string): Promise<string>
  createUser(user: Omit<UserWithPassword, 'id'>): Promise<UserRecord>
  findUserByUsername(username: string): Promise<UserWithPassword | null>
  findUserById(id: string): Promise<UserRecord | null>
  countUsers(): Promise<number>
  /** The school, its first 教导处 account and the audit entry, in one transaction. */
  createSchoolWithAdmin(schoolName: string, admin: Omit<NewAccount, 'schoolId' | 'role'>): Promise<AccountRecord>
  /**
   * Throws `UsernameTakenError` if the username is in use in any school. With `audit`, its entry (naming
   * the new account) is written in the same transaction.
   */
  createAccount(account: NewAccount, audit?: AuditNote): Promise<AccountRecord>
  /** Every school of the server, by name. */
  listSchools(): Promise<SchoolRecord[]>
  /** [SCHOOL-16] Sets whether single sign-on creates accounts, with its audit entry, in one transaction. */
  setSsoCreatesAccounts(schoolId: string, allowed: boolean, actorId: string): Promise<void>
  findAccount(id: string): Promise<AccountRecord | null>
  /** Every account of the school, disabled ones too, by username. */
  listAccounts(schoolId: string): Promise<AccountRecord[]>
  /**
   * Null if there is no such account. The change, the groups it replaces and, with `audit`, its entry
   * naming the account are written in one transaction: the entry exists if and only if the change does.
   */
  updateAccount(id: string, change: AccountChange, audit?: AuditNote): Promise<AccountRecord | null>
  /**
   * `at` disables (ending every session of the account at once), null enables; null if no such account.
   * With `audit`, its entry is written in the same transaction.
   */
  setAccountDisabled(id: string, at: Date | null, audit?: AuditNote): Promise<AccountRecord | null>
  /** False if there is no such account. With `effects`, the sessions it ends and its entry, in one transaction. */
  setPassword(id: string, passwordHash: string, mustChange: boolean, effects?: PasswordEffects): Promise<boolean>
  /** Enabled 教导处 accounts of the school. */
  countActiveAdmins(schoolId: string): Promise<number>
  /** Usernames among these that accounts of other schools have. */
  usernamesOfOtherSchools(schoolId: string, usernames: readonly string[]): Promise<string[]>
  /** A staff roster, whole in one transaction; throws `RosterConflictError`, writing nothing, if a name was taken meanwhile. */
  importRoster(write: RosterWrite): Promise<void>
}

/** 备课组: members, leaders and invited outside experts (server/school/). */
export interface GroupStore {
  /**
   * Throws `GroupNameTakenError` if the school has a group of that name. With `details`, its subject and
   * grade, and its audit entry naming the group, are written in the same transaction.
   */
  createGroup(schoolId: string, name: string, details?: NewGroupDetails): Promise<GroupRecord>
  addGroupMember(groupId: string, userId: string): Promise<void>
  groupIdsOfUser(userId: string): Promise<string[]>
  listGroups(schoolId: string): Promise<GroupRecord[]>
  findGroup(id: string): Promise<GroupRecord | null>
  /** Members of the group, by display name. */
  listGroupMembers(groupId: string): Promise<UserRecord[]>
  /** The school's groups with subject, grade, leader and members, by name. */
  listGroupDetails(schoolId: string): Promise<GroupDetails[]>
  /**
   * Members first, then the other fields, then with `audit` its entry, in one transaction. Throws
   * `GroupNameTakenError`, writing nothing, if another group of the school has the new name.
   */
  updateGroup(id: string, change: GroupChange, audit?: AuditNote): Promise<void>
  /** Replaces the group's members in one transaction; a leader who is no longer a member stops leading it. */
  setGroupMembers(groupId: string, userIds: readonly string[]): Promise<void>
  /** Replaces the groups the user is a member of, in one transaction; groups they no longer belong to lose them as leader. */
  setMemberships(userId: string, groupIds: readonly string[]): Promise<void>
  /** Replaces the groups an outside expert is invited to (they are not members), in one transaction. */
  setGuestGroups(userId: string, groupIds: readonly string[]): Promise<void>
  guestGroupIdsOf(userId: string): Promise<string[]>
}

/** The audit log of what the office changed (server/school/). */
export interface AuditStore {
  addAuditEntry(entry: NewAuditEntry): Promise<AuditEntry>
  /** Newest first (ties by id), `limit` of them, after the entry `after` names when given. */
  listAuditEntries(schoolId: string, limit: number, after: AuditCursor | null): Promise<AuditEntry[]>
}

/** 教案检查: the office's grade and comment per teacher and semester (server/checks/). */
export interface CheckStore {
  /**
   * [CHECK-2] Records the check, replacing the teacher's check of that semester, and its audit entry
   * (naming the check it replaced), in one transaction.
   */
  saveCheck(write: PlanCheckWrite): Promise<PlanCheckRecord>
  /** The school's checks of the semester. */
  listChecks(schoolId: string, semester: string): Promise<PlanCheckRecord[]>
  /** One teacher's checks, the newest semester first. */
  listChecksOfTeacher(teacherId: string): Promise<PlanCheckRecord[]>
}

/** Sessions and tokens; only a hash of the secret is stored (server/auth/). */
export interface SessionStore {
  createSession(tokenHash: string, session: SessionRecord): Promise<void>
  findSession(tokenHash: string, now: Date): Promise<SessionRecord | null>
  deleteSession(tokenHash: string): Promise<void>
  deleteExpiredSessions(now: Date): Promise<number>
  /** The user's browser sessions still valid at `now`, newest first, each with its token's hash. */
  listSessions(userId: string, now: Date): Promise<(SessionView & { tokenHash: string })[]>
  /** False if the user has no session of that id. */
  deleteSessionById(userId: string, id: string): Promise<boolean>
  /** Ends every session of the user except the one whose token hash is `keepTokenHash`; how many ended. */
  deleteOtherSessions(userId: string, keepTokenHash: string | null): Promise<number>
}

/** Which documents exist and whose they are; their content is in `UpdateStore`. */
export interface DocumentStore {
  createDocument(
    doc: Omit<DocumentRecord, 'id' | 'createdAt' | 'lessonId'> & { lessonId?: string | null },
  ): Promise<DocumentRecord>
  findDocument(id: string): Promise<DocumentRecord | null>
  listDocumentsOfSchool(schoolId: string): Promise<DocumentRecord[]>
  /** `userId`'s own documents: shared plans of the lessons they prepare, and what they created; by id. */
  listDocumentsOwnedBy(userId: string): Promise<DocumentRecord[]>
  /** The shared 导学案 and every other document of the lesson, oldest first. */
  listDocumentsOfLesson(lessonId: string): Promise<DocumentRecord[]>
}

/** A row of a document's log, or the snapshot standing in for rows a compaction folded. */
export interface SequencedUpdate {
  /** The last sequence number it holds: a row's own number, a snapshot's `upto_seq`. */
  seq: number
  update: Uint8Array
}

/** A document's content: an append-only update log folded into snapshots (server/collab/). */
export interface UpdateStore {
  /** Appends in one transaction; resolves only once the rows are durable. Returns the last sequence number. */
  appendUpdates(documentId: string, updates: readonly Uint8Array[]): Promise<number>
  loadDocumentState(documentId: string): Promise<StoredDocumentState>
  /**
   * Everything stored after `afterSeq` (rows other writers appended), in order. When a compaction has
   * folded some of those rows meanwhile, the snapshot that holds them comes first: a reader never misses
   * a folded row (SCALE-5). One consistent read, so a compaction committing meanwhile is never half seen.
   */
  loadUpdatesAfter(documentId: string, afterSeq: number): Promise<SequencedUpdate[]>
  /** The last sequence number of each of these documents that exists. */
  lastSeqs(documentIds: readonly string[]): Promise<Map<string, number>>
  /**
   * Replaces the snapshot with `snapshot`, which must contain every update up to `uptoSeq`, and deletes
   * those updates, in one transaction. Updates appended after `uptoSeq` stay in the log. `stateVector`,
   * the snapshot's own, is kept with it so that loading it needs no parse. Does nothing while another
   * writer is folding the same document (SCALE-5): one fold at a time, and the other's covers as much.
   */
  compactDocument(documentId: string, snapshot: Uint8Array, uptoSeq: number, stateVector?: Uint8Array): Promise<void>
  /** Bytes of snapshot plus log, and the number of log rows. */
  documentStorageStats(documentId: string): Promise<{ bytes: number; logLength: number }>
}

/** 备课计划: lessons and their stage moves (server/workflow/). */
export interface LessonStore {
  /** Creates the lesson in `draft` with its shared 导学案 (an empty `lesson-plan` document), together. */
  createLesson(lesson: NewLesson): Promise<LessonRecord>
  findLesson(id: string): Promise<LessonRecord | null>
  /** The group's lessons in the order they happen; all semesters when `semester` is null. */
  listLessonsOfGroup(groupId: string, semester: string | null): Promise<LessonRecord[]>
  /** Semesters the group has lessons in, in order. */
  listSemestersOfGroup(groupId: string): Promise<string[]>
  /** The 单元 given to the group's lessons of any semester, each once, in no order (LIBRARY-12). */
  listUnitsOfGroup(groupId: string): Promise<string[]>
  /** Lessons `userId` prepares as 主备人, in the order they are due. */
  listLessonsOfLeadPreparer(userId: string): Promise<LessonRecord[]>
  /** Null if there is no such lesson. */
  updateLessonPlan(id: string, change: LessonPlanChange): Promise<LessonRecord | null>
  /**
   * Deletes the lesson with its documents and its stage history, only while it is in stage `whileIn`;
   * false (and nothing deleted) otherwise.
   */
  deleteLesson(id: string, whileIn: LessonRecord['stage']): Promise<boolean>
  /**
   * Moves the lesson from `move.from` to `move.to` and records the move, or does nothing and returns
   * false if the lesson is no longer in `move.from`. Any move closes 集体研讨.
   */
  moveLessonStage(move: LessonStageMove): Promise<boolean>
  /** Opens or closes 集体研讨; false (and nothing changed) unless the lesson is in stage `whileIn`. */
  setLiveReviewOpen(lessonId: string, open: boolean, whileIn: LessonRecord['stage']): Promise<boolean>
  /** Every move of the lesson, oldest first. */
  listLessonStageEvents(lessonId: string): Promise<LessonStageEvent[]>
}

/** 定稿 versions, never changed or deleted (server/versions/). */
export interface VersionStore {
  /** Stores the next version of the lesson (v1, v2, …). Versions are never changed or deleted. */
  createVersion(version: NewVersion): Promise<VersionRecord>
  /**
   * 定稿 in one transaction: moves the lesson (as `moveLessonStage`) and stores the next version; null,
   * with nothing changed, if the lesson was no longer in `move.from`. A failure changes nothing either.
   */
  finalizeLesson(move: LessonStageMove, version: NewVersion): Promise<VersionRecord | null>
  /** In order, v1 first. */
  listVersions(lessonId: string): Promise<VersionRecord[]>
  findVersion(id: string): Promise<VersionRecord | null>
  versionState(id: string): Promise<Uint8Array | null>
  /**
   * Starts the next 磨课 round (LIBRARY-8) in one transaction: moves the lesson (as `moveLessonStage`,
   * at `move.at`) and records the round's start, numbered after the last (2 for the first); null, with
   * nothing changed, if the lesson was no longer in `move.from`.
   */
  startRound(move: LessonStageMove, round: NewRoundStart): Promise<RoundStartRecord | null>
  /** Starts of the rounds after the first, 第二轮 first. */
  listRoundStarts(lessonId: string): Promise<RoundStartRecord[]>
}

/** 二次备课 adaptations, 课后反思 reflections, 同课异构 variants, their conflicts and references (server/adaptations/). */
export interface AdaptationStore {
  /**
   * Creates an adaptation (based on `baseVersionId`), a reflection or a variant of a lesson with its
   * first update, in one transaction. A teacher's second adaptation or reflection of a lesson is refused.
   */
  createLessonDocument(document: NewLessonDocument, baseVersionId: string | null): Promise<DocumentRecord>
  findAdaptation(documentId: string): Promise<AdaptationRecord | null>
  listAdaptations(lessonId: string): Promise<AdaptationRecord[]>
  /**
   * Moves the adaptation's base from `fromVersionId` to `toVersionId` and records the conflicts the pull
   * flagged, in one transaction; null, with nothing changed, if its base was no longer `fromVersionId`.
   */
  recordPull(
    documentId: string,
    fromVersionId: string,
    toVersionId: string,
    conflicts: readonly NewConflict[],
  ): Promise<ConflictRecord[] | null>
  listConflicts(documentId: string): Promise<ConflictRecord[]>
  /** Settles an open conflict; false if it was not open. */
  resolveConflict(id: string, status: Exclude<ConflictStatus, 'open'>, userId: string): Promise<boolean>
  addReflectionReference(reference: NewReflectionReference): Promise<ReflectionReferenceRecord>
  listReflectionReferences(reflectionIds: readonly string[]): Promise<ReflectionReferenceRecord[]>
}

/** The 资源库: finished plans to browse and where drafts came from (server/library/, docs/LIBRARY.md). */
export interface LibraryStore {
  /** Lessons with a 定稿 in the scope's groups only, each with its latest version, by date. */
  listFinishedPlans(scope: LibraryScope): Promise<FinishedPlanRecord[]>
  /** Records that the lesson's 初稿 was started from the version, replacing an earlier source. */
  recordDraftSource(source: NewDraftSource): Promise<DraftSourceRecord>
  findDraftSource(lessonId: string): Promise<DraftSourceRecord | null>
  /** The lessons started from any 定稿 of `sourceLessonId`, oldest first. */
  listDraftsBuiltOn(sourceLessonId: string): Promise<DraftSourceRecord[]>
}

/** 集体备课记录 of review meetings (server/meetings/). */
export interface MeetingStore {
  createMeeting(meeting: NewMeeting): Promise<MeetingRecord>
  /** Replaces what the record says; null if there is no such record. */
  updateMeeting(id: string, fields: MeetingFields, by: string): Promise<MeetingRecord | null>
  findMeeting(id: string): Promise<MeetingRecord | null>
  /** The records of these lessons, each lesson's in the order its meetings took place. */
  listMeetings(lessonIds: readonly string[]): Promise<MeetingRecord[]>
}

/** 师徒结对 and 听课记录 (server/mentorship/). */
export interface MentorshipStore {
  /** Pairs the two (师徒结对); false, with the first pairing's record kept, if they already were. */
  addMentorship(mentorId: string, apprenticeId: string, pairedBy?: string): Promise<boolean>
  /** Mentors of `apprenticeId` (师徒结对). */
  mentorIdsOf(apprenticeId: string): Promise<string[]>
  /** False if they were not paired. */
  removeMentorship(mentorId: string, apprenticeId: string): Promise<boolean>
  /** The pairs whose apprentice is of the school, oldest pairing first. */
  listMentorships(schoolId: string): Promise<MentorshipRecord[]>
  /** 听课记录: written once, never changed. */
  createObservation(observation: NewObservation): Promise<ObservationRecord>
  /** What either of the two observed of the other, by date. */
  listObservationsBetween(userId: string, otherId: string): Promise<ObservationRecord[]>
}

/** The schools' 导学案 templates (server/template/). */
export interface TemplateStore {
  /** The school's saved template, or null while it uses the default. */
  findTemplate(schoolId: string): Promise<TemplateRecord | null>
  /** Replaces the school's template; `definition` must be valid (`lessonTemplate` in shared/template). */
  saveTemplate(schoolId: string, definition: LessonTemplate, updatedBy: string): Promise<TemplateRecord>
}

/** The presence log: who had which document open when (server/presence/). */
export interface PresenceStore {
  recordPresenceStart(entry: PresenceStart): Promise<void>
  recordPresenceEnd(id: string, leftAt: Date): Promise<void>
  /** The heartbeat: every entry of `runId` still open was seen at `seenAt`. */
  confirmPresence(runId: string, seenAt: Date): Promise<void>
  /** Ends every entry of `runId` still open, when that server stops. */
  endPresenceOfRun(runId: string, leftAt: Date): Promise<void>
  /** Entries on any of `documentIds` that began before `to` and were not known to have ended by `from`. */
  presenceOnDocuments(documentIds: readonly string[], from: Date, to: Date): Promise<PresenceRecord[]>
}

/** Images of documents (server/images/). */
export interface ImageStore {
  /** Stores all of them or, if one fails, none. */
  addImages(images: readonly NewImage[]): Promise<void>
  /** The stored images among `ids`, in no particular order; unknown ids are left out. */
  findImages(ids: readonly string[]): Promise<ImageRecord[]>
}

/** The inbox (server/notifications/). */
export interface NotificationStore {
  addNotifications(notifications: readonly NewNotification[]): Promise<NotificationRecord[]>
  /** The user's notifications newest first, `limit` of them, starting after `after`. */
  listNotifications(userId: string, limit: number, after: NotificationCursor | null): Promise<NotificationPage>
  countUnreadNotifications(userId: string): Promise<number>
  /** Marks it read (once: a later call keeps the first time); null if the user has no such notification. */
  markNotificationRead(userId: string, id: string, at: Date): Promise<NotificationRecord | null>
  /** How many were unread. */
  markAllNotificationsRead(userId: string, at: Date): Promise<number>
  /** Keeps these users' inboxes bounded; how many notifications were removed. */
  pruneNotifications(userIds: readonly string[], pruning: NotificationPruning): Promise<number>
}

/** The search index, written by the indexer from stored state, never on the edit path (server/search/). */
export interface SearchStore {
  /**
   * Sources whose entry is missing or was written from an older state of them, at most `limit` of each
   * source; `filter` narrows the scan to announced documents, or leaves some documents out (SEARCH-9, SEARCH-10).
   */
  listStaleSearchSources(limit: number, filter?: StaleSearchFilter): Promise<StaleSearchSource[]>
  /** Writes the entries in one transaction, each replacing its source's previous entry. */
  putSearchEntries(entries: readonly SearchEntryWrite[]): Promise<void>
  /** Deletes the entries whose source no longer exists; how many. */
  deleteOrphanSearchEntries(): Promise<number>
  /**
   * Entries holding every phrase and character of `request.terms`, within its scope and filters: how many
   * (up to `request.countLimit`), and the first `request.pageSize` of them in the order of
   * `rankCandidates` (`shared/search/search-rank.ts`), ranked in the query (SEARCH-6).
   */
  findSearchMatches(request: SearchRequest): Promise<SearchMatches>
  /** The groups, semesters, 课型 and 主备人 of the documents, versions and meetings within `scope`. */
  searchFilterValues(scope: SearchScope): Promise<SearchFilterValues>
  /** The indexed text of these entries, by id; unknown ids are left out. */
  searchEntryBodies(ids: readonly number[]): Promise<Map<number, string>>
}

/**
 * The whole storage: one repository per area, each a property, so that a use case asks only for the
 * areas it needs (`Pick<Store, 'lessons' | 'documents'>`) and a test fake implements only those.
 * Both SQL backends share one connection (and its transactions) across every area.
 */
export interface Store {
  readonly dialect: 'sqlite' | 'postgres'
  readonly accounts: AccountStore
  readonly groups: GroupStore
  readonly audit: AuditStore
  readonly sessions: SessionStore
  readonly documents: DocumentStore
  readonly updates: UpdateStore
  readonly lessons: LessonStore
  readonly versions: VersionStore
  readonly adaptations: AdaptationStore
  readonly meetings: MeetingStore
  readonly mentorships: MentorshipStore
  readonly templates: TemplateStore
  readonly presence: PresenceStore
  readonly images: ImageStore
  readonly notifications: NotificationStore
  readonly search: SearchStore
  readonly library: LibraryStore
  readonly checks: CheckStore
  close(): Promise<void>
}

/** The name of each area of `Store`. */
export type StoreArea = Exclude<keyof Store, 'dialect' | 'close'>
