/** Recording a 听课记录 in the observer's own name, as `mayRecordObservation` allows. */
import type { Actor } from '../../shared/access.ts'
import type { ObservationInput, ObservationView } from '../../shared/api/mentorship.ts'
import { mayRecordObservation } from '../../shared/mentorship/observation-rules.ts'
import type { ContentContext } from '../versions/document-content.ts'
import { peopleOf } from '../versions/people.ts'
import { forbid, missing, type Outcome, succeed } from '../workflow/outcome.ts'
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
  if (input.lessonId !== null) {
    const lesson = await store.findLesson(input.lessonId)
    if (!lesson || lesson.schoolId !== actor.schoolId) return missing('没有这节课')
  }
  const record = await store.createObservation({ ...input, schoolId: actor.schoolId, observerId: actor.userId })
  return succeed(observationViewOf(await peopleOf(store, [actor.userId, input.observedId]), record))
}
