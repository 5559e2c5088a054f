/**
 * What the office does to 备课组: create them, rename them, set subject, grade and leader, and choose their
 * members (a teacher may be in several groups). Every change is checked, written and audited.
 */
import type { Actor } from '../../shared/access.ts'
import type { GroupChangeRequest, NewGroupRequest, SchoolGroup } from '../../shared/api/school.ts'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import { groupNameProblem, leaderProblem, memberProblem } from '../../shared/school/group-rules.ts'
import { type GroupDetails, GroupNameTakenError } from '../store/school-records.ts'
import type { Store } from '../store/store.ts'
import { forbid, missing, type Outcome, reject, succeed } from '../workflow/outcome.ts'
import type { SchoolContext } from './accounts.ts'

export function groupView({ id, name, subject, grade, leaderId, memberIds }: GroupDetails): SchoolGroup {
  return { id, name, subject, grade, leaderId, memberIds }
}

export async function listGroupViews(store: Pick<Store, 'groups'>, actor: Actor): Promise<Outcome<SchoolGroup[]>> {
  if (actor.role !== 'admin') return forbid('只有教导处可以管理备课组')
  return succeed((await store.groups.listGroupDetails(actor.schoolId)).map(groupView))
}

export async function createGroup(
  { store }: SchoolContext,
  actor: Actor,
  request: Required<NewGroupRequest>,
): Promise<Outcome<SchoolGroup>> {
  if (actor.role !== 'admin') return forbid('只有教导处可以管理备课组')
  const problem = groupNameProblem(request.name)
  if (problem !== null) return reject(problem)
  let id: string
  try {
    const details = { subject: request.subject, grade: request.grade }
    const audit = { actorId: actor.userId, action: 'group.create' as const, detail: { ...request } }
    id = (await store.groups.createGroup(actor.schoolId, request.name.trim(), { ...details, audit })).id
  } catch (error) {
    if (error instanceof GroupNameTakenError) return reject(`已经有名为“${request.name.trim()}”的备课组`)
    throw error
  }
  return succeed(groupView(await detailsOf(store, actor.schoolId, id)))
}

export async function changeGroup(
  context: SchoolContext,
  actor: Actor,
  id: string,
  change: GroupChangeRequest,
): Promise<Outcome<SchoolGroup>> {
  const { store } = context
  if (actor.role !== 'admin') return forbid('只有教导处可以管理备课组')
  const groups = await store.groups.listGroupDetails(actor.schoolId)
  const group = groups.find((candidate) => candidate.id === id)
  if (!group) return missing('没有这个备课组')
  const accounts = new Map((await store.accounts.listAccounts(actor.schoolId)).map((account) => [account.id, account]))
  const memberIds = change.memberIds ? [...new Set(change.memberIds)] : group.memberIds
  const leaderId =
    change.leaderId !== undefined ? change.leaderId : memberIds.includes(group.leaderId ?? '') ? group.leaderId : null
  const added = memberIds.filter((memberId) => !group.memberIds.includes(memberId))
  const leader = leaderId === null ? null : (accounts.get(leaderId) ?? null)
  const problem =
    (change.name === undefined ? null : groupNameProblem(change.name)) ??
    (added.some((memberId) => !accounts.has(memberId)) ? '没有这个账号' : null) ??
    added.map((memberId) => memberProblem(accounts.get(memberId)!)).find((reason) => reason !== null) ??
    (leaderId !== null && leader === null ? '没有这个账号' : null) ??
    leaderProblem(leader, memberIds)
  if (problem !== null) return reject(problem)
  try {
    await store.groups.updateGroup(
      id,
      {
        name: change.name?.trim(),
        subject: change.subject,
        grade: change.grade,
        leaderId,
        memberIds: change.memberIds ? memberIds : undefined,
      },
      { actorId: actor.userId, action: change.memberIds ? 'group.members' : 'group.update', detail: { ...change } },
    )
  } catch (error) {
    if (error instanceof GroupNameTakenError) return reject(`已经有名为“${error.groupName}”的备课组`)
    throw error
  }
  // Whoever joined or left now has other rights in this group's documents.
  const removed = group.memberIds.filter((memberId) => !memberIds.includes(memberId))
  for (const userId of [...added, ...removed])
    context.registry.closeConnectionsOf(userId, CloseCode.accessChanged, 'access changed')
  return succeed(groupView(await detailsOf(store, actor.schoolId, id)))
}

async function detailsOf(store: Pick<Store, 'groups'>, schoolId: string, id: string): Promise<GroupDetails> {
  return (await store.groups.listGroupDetails(schoolId)).find((group) => group.id === id)!
}
