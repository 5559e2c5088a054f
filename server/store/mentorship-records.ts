/** What the store keeps about 师徒结对 and 听课记录 (migration 007). */

export interface MentorshipRecord {
  mentorId: string
  apprenticeId: string
  /** Null for pairs made before pairing was recorded. */
  pairedBy: string | null
  pairedAt: Date | null
}

export interface ObservationFields {
  observedId: string
  /** The lesson of the 备课计划, when the observed lesson is one. */
  lessonId: string | null
  /** School-local `YYYY-MM-DD`. */
  date: string
  /** 课题 */
  topic: string
  /** 听课笔记 */
  notes: string
  /** 优点 */
  strengths: string
  /** 问题 */
  problems: string
  /** 建议 */
  suggestions: string
}

export interface NewObservation extends ObservationFields {
  schoolId: string
  observerId: string
}

export interface ObservationRecord extends NewObservation {
  id: string
  createdAt: Date
}
