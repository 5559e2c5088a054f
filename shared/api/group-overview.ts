/**
 * JSON shapes of the group page (`GET /api/group-overview`): a 备课组's semester at a glance, as the
 * group and the office (教导处) read it.
 */
import { z } from 'zod'
import { documentKinds } from '../workflow/document-access.ts'
import { lessonStages } from '../workflow/stages.ts'
import { lessonSummary, person } from './lessons.ts'

export const overviewQuery = z.object({
  groupId: z.string().min(1).optional().describe('The first group the user may see when left out'),
  semester: z.string().min(1).max(40).optional().describe('The current semester when left out'),
})
export type OverviewQuery = z.infer<typeof overviewQuery>

export const overviewLesson = lessonSummary.extend({
  /** 集体备课记录 written for it (有记录). */
  meetings: z.number().int(),
  /** 批注 on its documents (shared plan, adaptations, reflections, variants), by state. */
  threads: z.object({ open: z.number().int(), resolved: z.number().int() }),
})
export type OverviewLesson = z.infer<typeof overviewLesson>

const counts = {
  /** Lessons as 主备人. */
  leadPrepared: z.number().int(),
  /** 二次备课 done… */
  adaptations: z.number().int(),
  /** …and their 个人加减 together. */
  adaptationChanges: z.number().int(),
  /** 课后反思 written. */
  reflections: z.number().int(),
  /** 批注 written on the semester's lessons: threads started and replies, one each. */
  comments: z.number().int(),
}

/** The lesson an item of a teacher's work belongs to, as the list names it. */
export const workLesson = z.object({
  id: z.string(),
  title: z.string(),
  scheduledDate: z.string(),
  scheduledTime: z.string().nullable(),
})
export type WorkLesson = z.infer<typeof workLesson>

const workItem = {
  lesson: workLesson,
  /** The document the item is; null when the reader may not open it (CHECK-6). */
  documentId: z.string().nullable(),
}

/**
 * [CHECK-6] The documents behind a row's counts, one item per unit counted: each list is as long as its
 * count (个人加减 is the sum of the adaptations' `changeCount`).
 */
export const teacherWork = z.object({
  /** The lessons, with their shared 导学案. */
  leadPrepared: z.array(z.object(workItem)),
  adaptations: z.array(z.object({ ...workItem, changeCount: z.number().int() })),
  reflections: z.array(z.object(workItem)),
  comments: z.array(
    z.object({
      ...workItem,
      documentKind: z.enum(documentKinds),
      threadId: z.string(),
      /** A reply in a thread rather than the thread's first comment. */
      reply: z.boolean(),
      /** The comment's first words; empty when the document may not be opened. */
      words: z.string(),
      state: z.enum(['open', 'resolved']),
    }),
  ),
})
export type TeacherWorkLists = z.infer<typeof teacherWork>

export const teacherCountsRow = z.object({ teacher: person, ...counts, work: teacherWork })
export type TeacherCountsRow = z.infer<typeof teacherCountsRow>

export const groupOverview = z.object({
  group: z.object({ id: z.string(), name: z.string() }),
  /** Groups this user may look at: every group of the school for the office, else their own. */
  groups: z.array(z.object({ id: z.string(), name: z.string() })),
  semester: z.string(),
  /** Semesters with lessons, and the current one. */
  semesters: z.array(z.string()),
  stages: z.array(z.object({ stage: z.enum(lessonStages), label: z.string(), lessons: z.array(overviewLesson) })),
  /** Past their date and not finalized, longest overdue first. */
  late: z.array(overviewLesson),
  teachers: z.array(teacherCountsRow),
  totals: z.object(counts),
})
export type GroupOverview = z.infer<typeof groupOverview>
