/**
 * The numbers of a 备课组's semester that the group page shows and the office checks (三有: 有检查、有考核):
 * lessons by stage, the late ones, and per teacher how much of the loop they did. Pure: the server
 * gathers the rows, these functions count them.
 */
import { isOverdue, type LocalDateTime, type ScheduledLesson } from '../workflow/lesson-schedule.ts'
import { type LessonStage, lessonStages, stageLabels } from '../workflow/stages.ts'

export interface StatsPerson {
  id: string
  displayName: string
}

export interface StatsLesson extends ScheduledLesson {
  id: string
  leadPreparerId: string
}

export interface StatsAdaptation {
  lessonId: string
  teacherId: string
  /** 个人加减: changes against the version it is based on. */
  changeCount: number
}

export interface StatsReflection {
  lessonId: string
  teacherId: string
  /** Something was written beyond the outline it starts with. */
  written: boolean
}

export interface StatsComment {
  lessonId: string
  authorId: string
}

export interface StageGroup<L> {
  stage: LessonStage
  label: string
  lessons: L[]
}

/** Every stage in the order of the loop, empty ones too, so the page always shows the whole loop. */
export function lessonsByStage<L extends { stage: LessonStage }>(lessons: readonly L[]): StageGroup<L>[] {
  return lessonStages.map((stage) => ({
    stage,
    label: stageLabels[stage],
    lessons: lessons.filter((lesson) => lesson.stage === stage),
  }))
}

/** Lessons past their date whose shared plan is not finalized, the longest overdue first. */
export function lateLessons<L extends ScheduledLesson>(lessons: readonly L[], now: LocalDateTime): L[] {
  return lessons.filter((lesson) => isOverdue(lesson, now)).sort((a, b) => dueKey(a).localeCompare(dueKey(b)))
}

function dueKey(lesson: ScheduledLesson): string {
  return `${lesson.scheduledDate} ${lesson.scheduledTime ?? '24:00'}`
}

export interface TeacherCounts {
  teacher: StatsPerson
  /** Lessons as 主备人. */
  leadPrepared: number
  /** 二次备课 done… */
  adaptations: number
  /** …and their 个人加减 together. */
  adaptationChanges: number
  /** 课后反思 written. */
  reflections: number
  comments: number
}

/**
 * [CHECK-6] What one teacher did, item by item: the lists whose lengths are the counts, so the office
 * opening a count finds exactly the documents it counts.
 */
export interface TeacherWork<L, A, R, C> {
  teacher: StatsPerson
  leadPrepared: L[]
  adaptations: A[]
  /** Written ones only, as counted. */
  reflections: R[]
  comments: C[]
}

export interface TeacherCountsInput<
  L extends StatsLesson = StatsLesson,
  A extends StatsAdaptation = StatsAdaptation,
  R extends StatsReflection = StatsReflection,
  C extends StatsComment = StatsComment,
> {
  /** The group's teachers, in the order the page lists them. */
  teachers: readonly StatsPerson[]
  lessons: readonly L[]
  adaptations: readonly A[]
  reflections: readonly R[]
  comments: readonly C[]
  /** Names of people who contributed but are not (or no longer) in `teachers`. */
  others?: ReadonlyMap<string, StatsPerson>
}

/**
 * Per teacher, what they did for `lessons` (one semester's): work on other lessons is not counted. A
 * teacher who contributed but has left the group keeps a row after the members. Items keep the order
 * they come in, and whatever else the caller put on them (titles, documents) for listing them.
 */
export function teacherWork<
  L extends StatsLesson,
  A extends StatsAdaptation,
  R extends StatsReflection,
  C extends StatsComment,
>(input: TeacherCountsInput<L, A, R, C>): TeacherWork<L, A, R, C>[] {
  const lessonIds = new Set(input.lessons.map((lesson) => lesson.id))
  const rows = new Map<string, TeacherWork<L, A, R, C>>()
  const empty = (teacher: StatsPerson) => ({
    teacher,
    leadPrepared: [],
    adaptations: [],
    reflections: [],
    comments: [],
  })
  const rowOf = (id: string): TeacherWork<L, A, R, C> => {
    let row = rows.get(id)
    if (!row) {
      row = empty(input.others?.get(id) ?? { id, displayName: '（已不在本组）' })
      rows.set(id, row)
    }
    return row
  }
  for (const teacher of input.teachers) rows.set(teacher.id, empty(teacher))
  for (const lesson of input.lessons) rowOf(lesson.leadPreparerId).leadPrepared.push(lesson)
  for (const adaptation of input.adaptations) {
    if (lessonIds.has(adaptation.lessonId)) rowOf(adaptation.teacherId).adaptations.push(adaptation)
  }
  for (const reflection of input.reflections) {
    if (lessonIds.has(reflection.lessonId) && reflection.written)
      rowOf(reflection.teacherId).reflections.push(reflection)
  }
  for (const comment of input.comments) {
    if (lessonIds.has(comment.lessonId)) rowOf(comment.authorId).comments.push(comment)
  }
  return [...rows.values()]
}

/** The numbers of one row of the table: the lengths of its lists, and the 个人加减 of its adaptations. */
export function countsOfWork(
  work: TeacherWork<unknown, Pick<StatsAdaptation, 'changeCount'>, unknown, unknown>,
): TeacherCounts {
  return {
    teacher: work.teacher,
    leadPrepared: work.leadPrepared.length,
    adaptations: work.adaptations.length,
    adaptationChanges: work.adaptations.reduce((sum, adaptation) => sum + adaptation.changeCount, 0),
    reflections: work.reflections.length,
    comments: work.comments.length,
  }
}

export function teacherCounts(input: TeacherCountsInput): TeacherCounts[] {
  return teacherWork(input).map(countsOfWork)
}

/** The group's totals, the last row of the table. */
export function totalCounts(rows: readonly TeacherCounts[]): Omit<TeacherCounts, 'teacher'> {
  const total = { leadPrepared: 0, adaptations: 0, adaptationChanges: 0, reflections: 0, comments: 0 }
  for (const row of rows) {
    total.leadPrepared += row.leadPrepared
    total.adaptations += row.adaptations
    total.adaptationChanges += row.adaptationChanges
    total.reflections += row.reflections
    total.comments += row.comments
  }
  return total
}

/** A reflection counts as written once it has text outside its outline's headings. */
export function isReflectionWritten(blocks: readonly { type: string; text: string }[]): boolean {
  return blocks.some((block) => block.type !== 'heading' && block.text.trim() !== '')
}
