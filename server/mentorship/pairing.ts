/** Pairing and unpairing a mentor and an apprentice (师徒结对), as `mayPair` allows. */
import type { Actor } from '../../shared/access.ts'
import type { NewPairInput, PairView } from '../../shared/api/mentorship.ts'
import { mayPair } from '../../shared/mentorship/pairing-rules.ts'
import type { ContentContext } from '../versions/document-content.ts'
import { refreshDocumentAccess } from '../workflow/live-access.ts'
import { forbid, missing, type Outcome, succeed } from '../workflow/outcome.ts'
import { type Member, membersOf } from './pair-members.ts'
import { pairViewOf, semestersAround } from './pair-views.ts'

export async function pair(
  context: ContentContext,
  actor: Actor,
  input: NewPairInput,
): Promise<Outcome<{ view: PairView; created: boolean }>> {
  const checked = await checkedPair(context, actor, input, await context.store.mentorships.mentorIdsOf(input.mentorId))
  if (!checked.ok) return checked
  const created = await context.store.mentorships.addMentorship(input.mentorId, input.apprenticeId, actor.userId)
  if (created) await refreshApprenticeAccess(context, input.apprenticeId)
  const record = (await context.store.mentorships.listMentorships(actor.schoolId)).find(
    (candidate) => candidate.mentorId === input.mentorId && candidate.apprenticeId === input.apprenticeId,
  )
  if (!record) return missing('没有这对师徒')
  const { view } = await pairViewOf(
    context,
    actor,
    record,
    checked.value,
    semestersAround(new Date(), undefined).semester,
  )
  return succeed({ view, created })
}

export async function unpair(context: ContentContext, actor: Actor, input: NewPairInput): Promise<Outcome<null>> {
  const checked = await checkedPair(context, actor, input)
  if (!checked.ok) return checked
  const removed = await context.store.mentorships.removeMentorship(input.mentorId, input.apprenticeId)
  if (!removed) return missing('他们没有结对')
  await refreshApprenticeAccess(context, input.apprenticeId)
  return succeed(null)
}

async function refreshApprenticeAccess({ store, registry }: ContentContext, apprenticeId: string): Promise<void> {
  const documents = await store.documents.listDocumentsOwnedBy(apprenticeId)
  await refreshDocumentAccess(
    store,
    registry,
    documents.map((document) => document.id),
  )
}

async function checkedPair(
  context: ContentContext,
  actor: Actor,
  input: NewPairInput,
  mentorsOfMentor: readonly string[] = [],
): Promise<Outcome<Map<string, Member>>> {
  const members = await membersOf(context.store, [input.mentorId, input.apprenticeId])
  const [mentor, apprentice] = [members.get(input.mentorId), members.get(input.apprenticeId)]
  // Teachers of other schools do not exist for this user.
  if (!mentor || mentor.schoolId !== actor.schoolId) return missing('没有这位师傅')
  if (!apprentice || apprentice.schoolId !== actor.schoolId) return missing('没有这位徒弟')
  const decision = mayPair(actor, mentor, apprentice, mentorsOfMentor)
  return decision.allowed ? succeed(members) : forbid(decision.reason)
}
