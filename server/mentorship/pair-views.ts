/**
 * The 师徒结对 page's answers: the pairs an actor may see with their counts for a semester, and one
 * pair with its annotations and 听课记录. Who sees what: `mayViewPair`.
 */
import type { Actor } from '../../shared/access.ts'
import type { MentorshipList, ObservationView, PairDetail, PairView } from '../../shared/api/mentorship.ts'
import type { Person } from '../../shared/api/lessons.ts'
import { isTeacherRole, mayPair, mayViewPair } from '../../shared/mentorship/pairing-rules.ts'
import type { DocumentKind } from '../../shared/workflow/document-access.ts'
import { localDateTime, recentSemesters } from '../../shared/workflow/lesson-schedule.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { MentorshipRecord, ObservationRecord } from '../store/mentorship-records.ts'
import type { Store } from '../store/store.ts'
import type { ContentContext } from '../versions/document-content.ts'
import { peopleOf, personOf } from '../versions/people.ts'
import { forbid, missing, type Outcome, succeed } from '../workflow/outcome.ts'
import { lessonsById } from './observed-lessons.ts'
import { type Member, membersOf } from './pair-members.ts'
import { pairWork } from './pair-work.ts'

/** How far back the semester picker goes. */
const semestersOffered = 6

export function semestersAround(now: Date, asked: string | undefined): { semester: string; semesters: string[] } {
  const semesters = recentSemesters(localDateTime(now).date, semestersOffered)
  const semester = asked ?? semesters[0]!
  return { semester, semesters: semesters.includes(semester) ? semesters : [semester, ...semesters] }
}

export async function mentorshipListFor(
  context: ContentContext,
  actor: Actor,
  asked: string | undefined,
  now = new Date(),
): Promise<MentorshipList> {
  const { store } = context
  const { semester, semesters } = semestersAround(now, asked)
  const pairs = await store.mentorships.listMentorships(actor.schoolId)
  const members = await membersOf(
    store,
    pairs.flatMap((pair) => [pair.mentorId, pair.apprenticeId]),
  )
  const visible = pairs.filter((pair) => {
    const [mentor, apprentice] = [members.get(pair.mentorId), members.get(pair.apprenticeId)]
    return mentor && apprentice && mayViewPair(actor, mentor, apprentice).allowed
  })
  const views = await Promise.all(visible.map((pair) => pairViewOf(context, actor, pair, members, semester)))
  return { semester, semesters, pairs: views.map(({ view }) => view), candidates: await candidatesFor(store, actor) }
}

export async function pairDetailFor(
  context: ContentContext,
  actor: Actor,
  ids: { mentorId: string; apprenticeId: string },
  asked: string | undefined,
  now = new Date(),
): Promise<Outcome<PairDetail>> {
  const { store } = context
  const pair = (await store.mentorships.listMentorships(actor.schoolId)).find(
    (candidate) => candidate.mentorId === ids.mentorId && candidate.apprenticeId === ids.apprenticeId,
  )
  if (!pair) return missing('没有这对师徒')
  const members = await membersOf(store, [pair.mentorId, pair.apprenticeId])
  const decision = mayViewPair(actor, members.get(pair.mentorId)!, members.get(pair.apprenticeId)!)
  if (!decision.allowed) return forbid(decision.reason)
  const { semester, semesters } = semestersAround(now, asked)
  const { view, work } = await pairViewOf(context, actor, pair, members, semester)
  const [people, lessons] = await Promise.all([
    peopleOf(store, [pair.mentorId, pair.apprenticeId]),
    lessonsById(
      store,
      work.observations.flatMap((observation) => (observation.lessonId ? [observation.lessonId] : [])),
    ),
  ])
  return succeed({
    ...view,
    semester,
    semesters,
    annotations: work.annotations.map(({ documentId, thread }) => ({
      documentId,
      documentTitle: work.documents.get(documentId)!.title,
      documentKind: work.documents.get(documentId)!.kind as DocumentKind,
      threadId: thread.id,
      kind: thread.kind,
      quote: thread.quote,
      body: thread.body,
      suggestion:
        thread.suggestion && thread.suggestionStatus
          ? { replacement: thread.suggestion.replacement, status: thread.suggestionStatus }
          : null,
      state: thread.state,
      createdAt: new Date(thread.createdAt).toISOString(),
      replies: thread.replies.length,
    })),
    observations: work.observations.map((observation) => observationViewOf(people, lessons, observation)),
  })
}

export async function pairViewOf(
  context: ContentContext,
  actor: Actor,
  pair: MentorshipRecord,
  members: ReadonlyMap<string, Member>,
  semester: string,
) {
  const [work, people] = await Promise.all([
    pairWork(context, pair, semester),
    peopleOf(context.store, [pair.mentorId, pair.apprenticeId, ...(pair.pairedBy ? [pair.pairedBy] : [])]),
  ])
  const [mentor, apprentice] = [members.get(pair.mentorId), members.get(pair.apprenticeId)]
  const view: PairView = {
    mentor: personOf(people, pair.mentorId),
    apprentice: personOf(people, pair.apprenticeId),
    pairedBy: pair.pairedBy ? personOf(people, pair.pairedBy) : null,
    pairedAt: pair.pairedAt?.toISOString() ?? null,
    counts: work.counts,
    canUnpair: mentor !== undefined && apprentice !== undefined && mayPair(actor, mentor, apprentice).allowed,
  }
  return { view, work }
}

export function observationViewOf(
  people: ReadonlyMap<string, Person>,
  lessons: ReadonlyMap<string, Pick<LessonRecord, 'id' | 'title'>>,
  observation: ObservationRecord,
): ObservationView {
  const { id, date, topic, notes, strengths, problems, suggestions } = observation
  const lesson = observation.lessonId === null ? undefined : lessons.get(observation.lessonId)
  return {
    id,
    observer: personOf(people, observation.observerId),
    observed: personOf(people, observation.observedId),
    lesson: lesson ? { id: lesson.id, title: lesson.title } : null,
    date,
    topic,
    notes,
    strengths,
    problems,
    suggestions,
    createdAt: observation.createdAt.toISOString(),
  }
}

/** Teachers the actor may pair: the office the school's, a leader their groups'. */
async function candidatesFor(store: Pick<Store, 'groups'>, actor: Actor): Promise<Person[]> {
  if (actor.role !== 'admin' && actor.role !== 'leader') return []
  const groups = (await store.groups.listGroups(actor.schoolId)).filter(
    (group) => actor.role === 'admin' || actor.groupIds.includes(group.id),
  )
  const members = (await Promise.all(groups.map((group) => store.groups.listGroupMembers(group.id)))).flat()
  const teachers = new Map(
    members
      .filter((user) => isTeacherRole(user.role))
      .map((user) => [user.id, { id: user.id, displayName: user.displayName }]),
  )
  return [...teachers.values()].sort(
    (a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN') || a.id.localeCompare(b.id),
  )
}
