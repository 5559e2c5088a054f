/**
 * The store over SQL: one repository per area (`sql/`), all on one Kysely connection, so that both
 * dialects share every query. A dialect adds only how it opens and its update log's `appendUpdates`.
 */
import type { Kysely } from 'kysely'
import type { Database } from './database-schema.ts'
import type { SqlDialect } from './migrate.ts'
import { SqlAccountStore } from './sql/account-store.ts'
import { SqlAdaptationStore } from './sql/adaptation-store.ts'
import { SqlAuditStore } from './sql/audit-store.ts'
import { SqlCheckStore } from './sql/check-store.ts'
import { SqlDocumentStore } from './sql/document-store.ts'
import { SqlGroupStore } from './sql/group-store.ts'
import { SqlImageStore } from './sql/image-store.ts'
import { SqlLessonStore } from './sql/lesson-store.ts'
import { SqlLibraryStore } from './sql/library-store.ts'
import { SqlMeetingStore } from './sql/meeting-store.ts'
import { SqlMentorshipStore } from './sql/mentorship-store.ts'
import { SqlNotificationStore } from './sql/notification-store.ts'
import { SqlPresenceStore } from './sql/presence-store.ts'
import { SqlSearchStore } from './sql/search-store.ts'
import { SqlSessionStore } from './sql/session-store.ts'
import { SqlTemplateStore } from './sql/template-store.ts'
import { SqlVersionStore } from './sql/version-store.ts'
import type { SqlUpdateStore } from './sql/update-store.ts'
import type { Store } from './store.ts'

export class SqlStore implements Store {
  readonly accounts: SqlAccountStore
  readonly groups: SqlGroupStore
  readonly audit: SqlAuditStore
  readonly sessions: SqlSessionStore
  readonly documents: SqlDocumentStore
  readonly lessons: SqlLessonStore
  readonly versions: SqlVersionStore
  readonly adaptations: SqlAdaptationStore
  readonly meetings: SqlMeetingStore
  readonly mentorships: SqlMentorshipStore
  readonly templates: SqlTemplateStore
  readonly presence: SqlPresenceStore
  readonly images: SqlImageStore
  readonly notifications: SqlNotificationStore
  readonly search: SqlSearchStore
  readonly library: SqlLibraryStore
  readonly checks: SqlCheckStore
  #closing: Promise<void> | undefined

  /** `beforeClose` stops what the dialect runs beside the connection (SQLite's checkpoint worker). */
  constructor(
    readonly dialect: SqlDialect,
    private readonly db: Kysely<Database>,
    readonly updates: SqlUpdateStore,
    private readonly beforeClose: () => Promise<void> = async () => {},
  ) {
    this.accounts = new SqlAccountStore(db)
    this.groups = new SqlGroupStore(db)
    this.audit = new SqlAuditStore(db)
    this.sessions = new SqlSessionStore(db)
    this.documents = new SqlDocumentStore(db)
    this.lessons = new SqlLessonStore(db)
    this.versions = new SqlVersionStore(db)
    this.adaptations = new SqlAdaptationStore(db)
    this.meetings = new SqlMeetingStore(db)
    this.mentorships = new SqlMentorshipStore(db)
    this.templates = new SqlTemplateStore(db)
    this.presence = new SqlPresenceStore(db)
    this.images = new SqlImageStore(db)
    this.notifications = new SqlNotificationStore(db)
    this.search = new SqlSearchStore(db, dialect)
    this.library = new SqlLibraryStore(db)
    this.checks = new SqlCheckStore(db)
  }

  close(): Promise<void> {
    this.#closing ??= this.beforeClose().then(() => this.db.destroy())
    return this.#closing
  }
}
