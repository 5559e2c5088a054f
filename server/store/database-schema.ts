/**
 * Row types of the SQL tables, as Kysely sees them. Both dialects store the same values: ids are UUID
 * strings, times are milliseconds since the epoch (`bigint` in PostgreSQL, read back as numbers), binary
 * Yjs data is a `blob`/`bytea` read back as a Buffer.
 */
import type { Generated } from 'kysely'

export interface SchoolsTable {
  id: string
  name: string
  created_at: number
  /** Migration 011: 1 when single sign-on may create accounts for teachers it does not know. */
  sso_creates_accounts: Generated<number>
}

export interface UsersTable {
  id: string
  school_id: string
  username: string
  display_name: string
  password_hash: string
  role: string
  color: string
  created_at: number
  /** Migration 010: set once the office disabled the account; it can no longer sign in. */
  disabled_at: number | null
  /** 1 after the office reset the password: the next sign-in must choose a new one. */
  must_change_password: Generated<number>
  /** An outside expert's last moment of access; null for no end. */
  access_until: number | null
}

export interface GroupsTable {
  id: string
  school_id: string
  name: string
  created_at: number
  /** Migration 010: empty until the office sets them. */
  subject: Generated<string>
  grade: Generated<string>
  leader_id: Generated<string | null>
}

export interface GroupMembersTable {
  group_id: string
  user_id: string
}

export interface MentorshipsTable {
  mentor_id: string
  apprentice_id: string
  /** Who paired them and when (migration 007); null for older pairs. */
  paired_by: string | null
  paired_at: number | null
}

/** 听课记录 (migration 007). */
export interface ObservationsTable {
  id: string
  school_id: string
  observer_id: string
  observed_id: string
  lesson_id: string | null
  /** School-local `YYYY-MM-DD`. */
  observed_on: string
  topic: string
  notes: string
  strengths: string
  problems: string
  suggestions: string
  created_at: number
}

export interface SessionsTable {
  token_hash: string
  user_id: string
  kind: string
  expires_at: number
  /** Migration 010: how its owner names it (sessions of before carry their token hash here). */
  id: string | null
  created_at: number | null
  user_agent: string | null
}

/** The groups an outside expert (role `guest`) is invited to read and comment in (migration 010). */
export interface GuestGroupsTable {
  user_id: string
  group_id: string
}

/** What the office did to whom (migration 010). */
export interface AuditLogTable {
  id: string
  school_id: string
  actor_id: string | null
  action: string
  target_user_id: string | null
  target_group_id: string | null
  /** JSON object of what changed. */
  detail: string
  at: number
}

export interface DocumentsTable {
  id: string
  school_id: string
  group_id: string
  title: string
  kind: string
  created_by: string
  created_at: number
  /** Highest sequence number ever given to an update of this document; see `001-initial.ts`. */
  last_seq: Generated<number>
  /** The lesson the document belongs to (migration 002); null for a free document of its group. */
  lesson_id: string | null
}

export interface DocumentUpdatesTable {
  document_id: string
  seq: number
  data: Uint8Array
  created_at: number
}

export interface DocumentSnapshotsTable {
  document_id: string
  data: Uint8Array
  upto_seq: number
  updated_at: number
  /** The snapshot's Yjs state vector, when the compaction that wrote it gave one. */
  state_vector: Uint8Array | null
  /** Hex SHA-256 of `data`, written with `state_vector`. */
  digest: string | null
}

export interface LessonsTable {
  id: string
  school_id: string
  group_id: string
  semester: string
  title: string
  /** 单元 (migration 017); empty when none is given. */
  unit: string
  lesson_type: string
  period: number
  scheduled_date: string
  scheduled_time: string | null
  place: string
  lead_preparer_id: string
  document_id: string
  stage: string
  /** 0 or 1. */
  live_review_open: number
  created_at: number
}

export interface LessonStageEventsTable {
  lesson_id: string
  seq: number
  from_stage: string
  to_stage: string
  actor_id: string
  at: number
}

export interface LessonTemplatesTable {
  school_id: string
  /** JSON of a `LessonTemplate`. */
  definition: string
  updated_at: number
  updated_by: string
}

export interface DocumentPresenceTable {
  id: string
  document_id: string
  user_id: string
  run_id: string
  joined_at: number
  left_at: number | null
  seen_at: number
}

export interface LessonMeetingsTable {
  id: string
  lesson_id: string
  meeting_date: string
  start_time: string
  end_time: string
  place: string
  topic: string
  presenter_id: string
  summary: string
  decisions: string
  created_by: string
  created_at: number
  updated_by: string
  updated_at: number
}

export interface LessonMeetingAttendeesTable {
  meeting_id: string
  user_id: string
  position: number
}

/** 定稿 versions: inserted, never changed (migration 003). */
export interface LessonVersionsTable {
  id: string
  lesson_id: string
  document_id: string
  number: number
  /** The full Yjs state of the shared plan. */
  state: Uint8Array
  created_by: string
  created_at: number
}

export interface AdaptationsTable {
  document_id: string
  lesson_id: string
  base_version_id: string
  created_at: number
  pulled_at: number | null
}

export interface AdaptationConflictsTable {
  id: string
  document_id: string
  to_version_id: string
  block_key: string
  section: string
  base_text: string
  mine_json: string | null
  shared_json: string | null
  after_key: string | null
  status: string
  created_at: number
  resolved_by: string | null
  resolved_at: number | null
}

export interface ReflectionReferencesTable {
  id: string
  reflection_id: string
  source_document_id: string
  block_key: string
  section: string
  quote: string
  created_at: number
}

/** Images of documents, written once (migration 006). */
export interface ImagesTable {
  id: string
  document_id: string
  created_by: string
  content_type: string
  width: number
  height: number
  bytes: Uint8Array
  created_at: number
}

/** The inbox (migration 008). */
export interface NotificationsTable {
  id: string
  user_id: string
  kind: string
  document_id: string | null
  lesson_id: string | null
  thread_id: string | null
  actor_id: string | null
  text: string
  created_at: number
  read_at: number | null
}

/**
 * The search index (migration 012). The terms are not columns of this type: SQLite keeps them in the
 * FTS5 table `search_fts` (rowid = `id`), PostgreSQL in the `tsvector` columns `grams` and `chars`.
 */
export interface SearchEntriesTable {
  id: Generated<number>
  /** Which table the entry comes from: `document`, `version`, `meeting`, `observation`. */
  source: string
  source_id: string
  /** What the source was when indexed; a different one makes the entry stale. */
  stamp: string
  kind: string
  school_id: string
  group_id: string | null
  lesson_id: string | null
  document_id: string | null
  version_number: number | null
  observer_id: string | null
  observed_id: string | null
  title: string
  /** The title as ranking compares it with the query's words: NFKC, lower case (SEARCH-6, migration 016). */
  normalized_title: string
  body: string
  dated_at: number
}

/** Which 定稿 a lesson's 初稿 was started from (migration 013). */
export interface LessonSourcesTable {
  lesson_id: string
  version_id: string
  source_lesson_id: string
  created_by: string
  created_at: number
}

/** Starts of 磨课 rounds after the first (migration 014). */
export interface LessonRoundsTable {
  lesson_id: string
  number: number
  base_version_id: string
  started_by: string
  started_at: number
}

/** 教案检查 (migration 015): one per teacher and semester. */
export interface PlanChecksTable {
  school_id: string
  teacher_id: string
  semester: string
  /** A `CheckGrade`. */
  grade: string
  comment: string
  checked_by: string
  checked_at: number
}

export interface Database {
  schools: SchoolsTable
  users: UsersTable
  groups: GroupsTable
  group_members: GroupMembersTable
  mentorships: MentorshipsTable
  observations: ObservationsTable
  sessions: SessionsTable
  documents: DocumentsTable
  document_updates: DocumentUpdatesTable
  document_snapshots: DocumentSnapshotsTable
  lessons: LessonsTable
  lesson_stage_events: LessonStageEventsTable
  lesson_templates: LessonTemplatesTable
  document_presence: DocumentPresenceTable
  lesson_meetings: LessonMeetingsTable
  lesson_meeting_attendees: LessonMeetingAttendeesTable
  lesson_versions: LessonVersionsTable
  adaptations: AdaptationsTable
  adaptation_conflicts: AdaptationConflictsTable
  reflection_references: ReflectionReferencesTable
  notifications: NotificationsTable
  images: ImagesTable
  audit_log: AuditLogTable
  guest_groups: GuestGroupsTable
  search_entries: SearchEntriesTable
  lesson_sources: LessonSourcesTable
  lesson_rounds: LessonRoundsTable
  plan_checks: PlanChecksTable
}
