/**
 * What a 师徒结对 did in one semester, the numbers the office checks (e.g. ≥20 lessons observed):
 *
 * - annotations: threads the mentor started in the apprentice's documents during the semester. Replies
 *   do not count: a conversation about one passage is one annotation, however long it runs.
 * - resolved: those of them that are resolved now (the apprentice answered the remark and closed it).
 * - observed: 听课记录 between the two dated in the semester, in either direction: the mentor observing
 *   the apprentice (听课指导) and the apprentice observing the mentor (跟岗听课).
 */
import type { ThreadView } from '../threads/thread-model.ts'
import { semesterAt, semesterOf } from '../workflow/lesson-schedule.ts'

export interface PairIds {
  mentorId: string
  apprenticeId: string
}

/** What the counts read of a thread. */
export type CountedThread = Pick<ThreadView, 'authorId' | 'createdAt' | 'state'>

export interface DocumentThreads<T extends CountedThread = ThreadView> {
  documentId: string
  threads: readonly T[]
}

export interface Annotation<T extends CountedThread = ThreadView> {
  documentId: string
  thread: T
}

export interface CountedObservation {
  observerId: string
  observedId: string
  /** School-local `YYYY-MM-DD`. */
  date: string
}

export interface PairCounts {
  annotations: number
  resolved: number
  observed: number
}

/** The mentor's threads in `documents` (the apprentice's) started in `semester`, oldest first. */
export function mentorAnnotations<T extends CountedThread>(
  mentorId: string,
  documents: readonly DocumentThreads<T>[],
  semester: string,
): Annotation<T>[] {
  return documents
    .flatMap(({ documentId, threads }) => threads.map((thread) => ({ documentId, thread })))
    .filter(({ thread }) => thread.authorId === mentorId && semesterAt(new Date(thread.createdAt)) === semester)
    .sort((a, b) => a.thread.createdAt - b.thread.createdAt)
}

/** 听课记录 between the two of them dated in `semester`. */
export function pairObservations<O extends CountedObservation>(
  pair: PairIds,
  observations: readonly O[],
  semester: string,
): O[] {
  const between = (o: O) =>
    (o.observerId === pair.mentorId && o.observedId === pair.apprenticeId) ||
    (o.observerId === pair.apprenticeId && o.observedId === pair.mentorId)
  return observations.filter((o) => between(o) && semesterOf(o.date) === semester)
}

export function pairCounts(
  pair: PairIds,
  annotations: readonly Annotation<CountedThread>[],
  observations: readonly CountedObservation[],
  semester: string,
): PairCounts {
  return {
    annotations: annotations.length,
    resolved: annotations.filter(({ thread }) => thread.state === 'resolved').length,
    observed: pairObservations(pair, observations, semester).length,
  }
}
