import type { LessonDetail } from '../../../shared/api/lessons.ts'
import type { Me } from '../../../shared/api.ts'

/** What every panel of the lesson page gets; see `lesson-panels.tsx`. */
export interface LessonPanelProps {
  /** The lesson as this user sees it: stage, moves, permissions, history, documents. */
  detail: LessonDetail
  me: Me
  /** Takes a fresh `detail` after a panel changed the lesson (a stage move). */
  onChanged: (detail: LessonDetail) => void
}
