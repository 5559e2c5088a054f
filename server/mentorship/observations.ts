/**
 * Recording a 听课记录 in the observer's own name, as `mayRecordObservation` allows, of one of the
 * observed teacher's lessons (`mayObserveLesson`) or of a lesson outside the plan.
 */
import type { Actor } from '../../shared/access.ts'
import type { ObservationInput, ObservationView } from '../../shared/api/mentorship.ts'
import { mayObserveLesson, mayRecordObservation } from '../../shared/mentorship/observation-rules.ts'
import type { ContentContext } from '../versions/document-content.ts'
import { peopleOf } from '../versions/people.ts'
import { forbid, missing, type Outcome, reject, succeed } from '../workflow/outcome.ts'
import { membersOf } from './pair-members.ts'
import { observationViewOf } from './pair-views.ts'

export async function recordObservation(
  { store }: ContentContext,
  actor: Actor,
  input: ObservationInput,
): Promise<Outcome<ObservationView>> {
  const observed = (await membersOf(store, [input.observedId])).get(input.observedId)
  if (!observed || observed.schoolId !== actor.schoolId) return missing('没有这位老师')
  const decision = mayRecordObservation(actor, observed)
  if (!decision.allowed) return forbid(decision.reason)
  const lesson = input.lessonId === null ? null : await store.lessons.findLesson(input.lessonId)
  if (input.lessonId !== null) {
    // Lessons of other schools do not exist for this user.
    if (!lesson || lesson.schoolId !== actor.schoolId) return missing('没有这节课')
    if (!mayObserveLesson(observed, lesson).allowed)
      return reject(`这节课不在${observed.displayName}备课组的备课计划里`)
  }
  const record = await store.mentorships.createObservation({
    ...input,
    schoolId: actor.schoolId,
    observerId: actor.userId,
  })
  const lessons = new Map(lesson ? [[lesson.id, lesson]] : [])
  return succeed(observationViewOf(await peopleOf(store, [actor.userId, input.observedId]), lessons, record))
}
