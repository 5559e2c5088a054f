/**
 * The 记录听课 form's lesson picker: how a lesson reads in it, the lessons grouped by semester in the
 * order the server offers them, and what picking one fills in.
 */
import type { ObservableLesson } from '../../../shared/api/mentorship.ts'

export interface ObservedLessonFields {
  lessonId: string | null
  date: string
  topic: string
}

export function lessonChoiceLabel(lesson: ObservableLesson, observedId: string): string {
  const [, month, day] = lesson.scheduledDate.split('-').map(Number)
  const prepared = lesson.leadPreparer.id === observedId ? '主备' : `主备人${lesson.leadPreparer.displayName}`
  return `${lesson.title}（第${lesson.period}课时）· ${month}月${day}日 · ${prepared}`
}

/** The lessons by semester, keeping the order they came in: this semester first. */
export function lessonsBySemester(lessons: readonly ObservableLesson[]): [string, ObservableLesson[]][] {
  const groups = new Map<string, ObservableLesson[]>()
  for (const lesson of lessons) groups.set(lesson.semester, [...(groups.get(lesson.semester) ?? []), lesson])
  return [...groups]
}

/**
 * Picking a lesson names it, takes its 课题 unless the teacher wrote another one, and its date unless
 * that is still ahead (the record is of a lesson already watched). Picking 其他 only drops the lesson.
 */
export function withObservedLesson<T extends ObservedLessonFields>(
  draft: T,
  lesson: ObservableLesson | null,
  previous: ObservableLesson | null,
  today: string,
): T {
  if (!lesson) return { ...draft, lessonId: null }
  const ownTopic = draft.topic.trim() !== '' && draft.topic !== previous?.title
  return {
    ...draft,
    lessonId: lesson.id,
    topic: ownTopic ? draft.topic : lesson.title,
    date: lesson.scheduledDate <= today ? lesson.scheduledDate : draft.date,
  }
}
