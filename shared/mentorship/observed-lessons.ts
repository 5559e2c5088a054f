/**
 * The lessons the 记录听课 form offers, in the order a teacher looks for one: a record is usually written
 * the day of the lesson or soon after, so the lessons of this semester already taught come first, the
 * latest first; then the ones still ahead this semester, the soonest first; then last semester's, the
 * latest first. Older lessons are not offered: such a lesson is recorded as one outside the plan.
 */
import { recentSemesters } from '../workflow/lesson-schedule.ts'

/** How many semesters back the form offers lessons, this one included. */
export const observedLessonSemesters = 2

export interface DatedLesson {
  semester: string
  /** School-local `YYYY-MM-DD`. */
  scheduledDate: string
  /** School-local `HH:MM`, if a time was set. */
  scheduledTime: string | null
}

/** `lessons` of the semesters offered on `today` (school-local `YYYY-MM-DD`), in the order the form lists them. */
export function lessonsToOffer<T extends DatedLesson>(lessons: readonly T[], today: string): T[] {
  const semesters = recentSemesters(today, observedLessonSemesters)
  const rank = (lesson: T) => {
    const semester = semesters.indexOf(lesson.semester)
    if (semester > 0) return semester + 1
    return lesson.scheduledDate <= today ? 0 : 1
  }
  const when = (lesson: T) => `${lesson.scheduledDate} ${lesson.scheduledTime ?? ''}`
  return lessons
    .filter((lesson) => semesters.includes(lesson.semester))
    .sort((a, b) => {
      const byRank = rank(a) - rank(b)
      if (byRank !== 0) return byRank
      // Ahead this semester: soonest first; everything else: latest first.
      return rank(a) === 1 ? when(a).localeCompare(when(b)) : when(b).localeCompare(when(a))
    })
}
