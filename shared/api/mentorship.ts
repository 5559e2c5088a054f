/**
 * JSON shapes of the 师徒结对 API (`server/http/routes/mentorship-routes.ts`): pairs with their counts
 * for a semester, one pair's annotations and 听课记录, pairing, and recording an observation.
 */
import { z } from 'zod'
import { suggestionStatuses } from '../threads/suggestions.ts'
import { threadKinds } from '../threads/thread-model.ts'
import { documentKinds } from '../workflow/document-access.ts'
import { localDate, person } from './lessons.ts'

export const semesterQuery = z.object({
  semester: z.string().min(1).max(40).optional().describe('The current semester when left out'),
})

export const pairParams = z.object({ mentorId: z.string().min(1), apprenticeId: z.string().min(1) })

/** What the pair did in the semester; see `shared/mentorship/pair-counts.ts` for what counts. */
export const pairCounts = z.object({
  /** Threads the mentor started in the apprentice's documents (replies do not count). */
  annotations: z.number().int(),
  /** Of those, the ones resolved now. */
  resolved: z.number().int(),
  /** 听课记录 between the two, either way. */
  observed: z.number().int(),
})
export type PairCounts = z.infer<typeof pairCounts>

export const pairView = z.object({
  mentor: person,
  apprentice: person,
  pairedBy: person.nullable(),
  pairedAt: z.string().nullable().describe('ISO 8601'),
  counts: pairCounts,
  /** The signed-in user may unpair them. */
  canUnpair: z.boolean(),
})
export type PairView = z.infer<typeof pairView>

export const mentorshipList = z.object({
  semester: z.string(),
  /** The current semester and the ones before it. */
  semesters: z.array(z.string()),
  /** The pairs the signed-in user may see. */
  pairs: z.array(pairView),
  /** Teachers the signed-in user may pair (the office: the school's; a leader: their groups'); else empty. */
  candidates: z.array(person),
})
export type MentorshipList = z.infer<typeof mentorshipList>

export const newPairInput = z.object({
  mentorId: z.string().min(1, '请选择师傅'),
  apprenticeId: z.string().min(1, '请选择徒弟'),
})
export type NewPairInput = z.infer<typeof newPairInput>

export const pairAnnotation = z.object({
  documentId: z.string(),
  documentTitle: z.string(),
  documentKind: z.enum(documentKinds),
  threadId: z.string(),
  kind: z.enum(threadKinds),
  quote: z.string(),
  body: z.string(),
  /** Set on a suggestion (建议修改) only: the words proposed for `quote`, and where it stands now. */
  suggestion: z
    .object({
      /** Empty for a deletion. */
      replacement: z.string(),
      /** `stale`: the quoted words changed before anyone decided, so it can only be rejected. */
      status: z.enum(suggestionStatuses),
    })
    .nullable(),
  state: z.enum(['open', 'resolved']),
  createdAt: z.string().describe('ISO 8601'),
  replies: z.number().int(),
})
export type PairAnnotation = z.infer<typeof pairAnnotation>

const text = (max: number) => z.string().trim().max(max)

export const observationInput = z.object({
  observedId: z.string().min(1, '请选择授课老师'),
  /** The lesson of the 备课计划, when the observed lesson is one. */
  lessonId: z.string().min(1).nullable(),
  date: localDate,
  topic: text(100).min(1, '请填写课题'),
  notes: text(4000),
  strengths: text(2000),
  problems: text(2000),
  suggestions: text(2000),
})
export type ObservationInput = z.infer<typeof observationInput>

/** A lesson of the 备课计划 the 记录听课 form offers: the observed teacher's (`mayObserveLesson`). */
export const observableLesson = z.object({
  id: z.string(),
  title: z.string(),
  period: z.number().int(),
  semester: z.string(),
  scheduledDate: z.string(),
  scheduledTime: z.string().nullable(),
  groupName: z.string(),
  leadPreparer: person,
})
export type ObservableLesson = z.infer<typeof observableLesson>

export const observableLessonsQuery = z.object({ observedId: z.string().min(1) })

export const observationView = observationInput.omit({ observedId: true, lessonId: true }).extend({
  id: z.string(),
  /** The lesson of the 备课计划 observed, when it is one and still exists. */
  lesson: z.object({ id: z.string(), title: z.string() }).nullable(),
  observer: person,
  observed: person,
  createdAt: z.string().describe('ISO 8601'),
})
export type ObservationView = z.infer<typeof observationView>

export const pairDetail = pairView.extend({
  semester: z.string(),
  semesters: z.array(z.string()),
  /** The mentor's annotations of the semester, oldest first. */
  annotations: z.array(pairAnnotation),
  /** 听课记录 between the two in the semester, by date. */
  observations: z.array(observationView),
})
export type PairDetail = z.infer<typeof pairDetail>
