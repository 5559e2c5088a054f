/** What the store keeps about 定稿 versions, 二次备课 adaptations and reflections' references (migration 003). */

/** A 定稿 version of a lesson's shared 导学案. Its Yjs state is read with `versionState`. */
export interface VersionRecord {
  id: string
  lessonId: string
  /** The shared 导学案 it was taken from. */
  documentId: string
  /** 1 for 定稿 v1, and so on. */
  number: number
  createdBy: string
  createdAt: Date
}

export interface NewVersion {
  lessonId: string
  documentId: string
  /** The full Yjs state of the shared plan. */
  state: Uint8Array
  createdBy: string
}

/** The start of a 磨课 round after the first (LIBRARY-8). */
export interface RoundStartRecord {
  lessonId: string
  /** 2 for 第二轮, … */
  number: number
  /** The 定稿 it started from, the previous round's last. */
  baseVersionId: string
  baseVersionNumber: number
  startedBy: string
  startedAt: Date
}

export type NewRoundStart = Pick<RoundStartRecord, 'lessonId' | 'baseVersionId' | 'startedBy'>

/** A document that belongs to a lesson: an adaptation, a reflection or a variant. */
export interface NewLessonDocument {
  lessonId: string
  schoolId: string
  groupId: string
  kind: 'adaptation' | 'reflection' | 'variant'
  title: string
  createdBy: string
  /** Its first Yjs update: for an adaptation the version's state itself, so that it is a fork. */
  initialState: Uint8Array | null
}

export interface AdaptationRecord {
  documentId: string
  lessonId: string
  teacherId: string
  title: string
  /** The version last taken in: the one it was created from, or the last one pulled. */
  baseVersionId: string
  createdAt: Date
  pulledAt: Date | null
}

export const conflictStatuses = ['open', 'mine', 'shared', 'done'] as const
export type ConflictStatus = (typeof conflictStatuses)[number]

/** A passage that the teacher and the shared plan both changed, flagged when a version was pulled. */
export interface ConflictRecord {
  id: string
  documentId: string
  toVersionId: string
  blockKey: string
  section: string
  baseText: string
  /** ProseMirror JSON of the teacher's passage before the pull; null if the teacher had deleted it. */
  mineJson: Record<string, unknown> | null
  /** ProseMirror JSON of the passage in the pulled version; null if the shared plan deleted it. */
  sharedJson: Record<string, unknown> | null
  afterKey: string | null
  status: ConflictStatus
  createdAt: Date
  resolvedBy: string | null
  resolvedAt: Date | null
}

export type NewConflict = Pick<
  ConflictRecord,
  'blockKey' | 'section' | 'baseText' | 'mineJson' | 'sharedJson' | 'afterKey'
>

/** A passage of a plan that a reflection points at, quoted as it read when it was picked. */
export interface ReflectionReferenceRecord {
  id: string
  reflectionId: string
  sourceDocumentId: string
  blockKey: string
  section: string
  quote: string
  createdAt: Date
}

export type NewReflectionReference = Omit<ReflectionReferenceRecord, 'id' | 'createdAt'>
