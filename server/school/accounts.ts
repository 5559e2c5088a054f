/**
 * What the office does to accounts: create, edit (name, role, groups, an expert's end date), disable and
 * enable, reset a password. Every change is checked by the rules of `shared/school/`, written, and
 * recorded in the audit log. Accounts are never deleted: a disabled teacher's plans and comments keep
 * their author ([SCHOOL-12]).
 */
import type { Actor, Role } from '../../shared/access.ts'
import type { Account, AccountChangeRequest, AccountWithPassword, NewAccountRequest } from '../../shared/api/school.ts'
import { CloseCode } from '../../shared/protocol/close-codes.ts'
import {
  accessUntilProblem,
  accountChangeRefusal,
  type AccountChangeKind,
  displayNameProblem,
  passwordProblem,
  usernameProblem,
} from '../../shared/school/account-rules.ts'
import { memberProblem } from '../../shared/school/group-rules.ts'
import { hashPassword } from '../auth/passwords.ts'
import type { RoomRegistry } from '../collab/room-registry.ts'
import { UsernameTakenError } from '../store/school-records.ts'
import type { AccountRecord, Store } from '../store/store.ts'
import { forbid, missing, type Outcome, reject, succeed } from '../workflow/outcome.ts'
import { accountView } from './account-views.ts'
import { oneTimePassword } from './one-time-password.ts'

export interface SchoolContext {
  store: Pick<Store, 'accounts' | 'audit' | 'groups' | 'sessions'>
  /** Open documents: a disabled teacher's live connections end at once. */
  registry: RoomRegistry
}

/** Caret colours given to new accounts in turn. */
export const accountColors = [
  '#1971c2',
  '#2f9e44',
  '#f08c00',
  '#9c36b5',
  '#0c8599',
  '#e03131',
  '#a61e4d',
  '#5c940d',
  '#e8590c',
  '#3b5bdb',
]

export async function listAccountViews(
  store: Pick<Store, 'accounts' | 'groups'>,
  actor: Actor,
): Promise<Outcome<Account[]>> {
  if (actor.role !== 'admin') return forbid('只有教导处可以管理账号')
  const [accounts, groups] = await Promise.all([
    store.accounts.listAccounts(actor.schoolId),
    store.groups.listGroupDetails(actor.schoolId),
  ])
  return succeed(accounts.map((account) => accountView(account, groups)))
}

export async function createAccount(
  { store }: SchoolContext,
  actor: Actor,
  request: ReturnType<typeof normalizeNew>,
  now = new Date(),
): Promise<Outcome<AccountWithPassword>> {
  if (actor.role !== 'admin') return forbid('只有教导处可以管理账号')
  const accessUntil = request.accessUntil === null ? null : new Date(request.accessUntil)
  const problem =
    usernameProblem(request.username) ??
    displayNameProblem(request.displayName) ??
    (request.password === undefined ? null : passwordProblem(request.password, request.username)) ??
    accessUntilProblem(request.role, accessUntil, now) ??
    (await groupsProblem(store, actor, request.role, request.groupIds))
  if (problem !== null) return reject(problem)
  const handedOut = request.password === undefined ? oneTimePassword() : null
  const accounts = await store.accounts.listAccounts(actor.schoolId)
  let account: AccountRecord
  try {
    account = await store.accounts.createAccount(
      {
        schoolId: actor.schoolId,
        username: request.username,
        displayName: request.displayName,
        role: request.role,
        color: accountColors[accounts.length % accountColors.length]!,
        passwordHash: await hashPassword(request.password ?? handedOut!),
        // A password the office chose is as much a secret of the office as a generated one.
        mustChangePassword: true,
        accessUntil,
        groupIds: request.groupIds,
      },
      {
        actorId: actor.userId,
        action: 'account.create',
        detail: {
          username: request.username,
          displayName: request.displayName,
          role: request.role,
          groupIds: request.groupIds,
        },
      },
    )
  } catch (error) {
    if (error instanceof UsernameTakenError) return reject(`用户名 ${request.username} 已被使用，请换一个`)
    throw error
  }
  return succeed({ account: await viewOf(store, account), oneTimePassword: handedOut })
}

export function normalizeNew(request: NewAccountRequest & { groupIds: string[]; accessUntil: string | null }) {
  return { ...request, username: request.username.trim(), displayName: request.displayName.trim() }
}

export async function changeAccount(
  context: SchoolContext,
  actor: Actor,
  id: string,
  change: AccountChangeRequest,
  now = new Date(),
): Promise<Outcome<Account>> {
  const { store } = context
  const target = await managed(store, actor, id, { kind: 'edit', role: change.role })
  if (!target.ok) return target
  const account = target.value
  const role: Role = change.role ?? account.role
  const roleChanged = role !== account.role
  // Becoming an expert, or ceasing to be one, needs the end date to follow.
  const accessUntil =
    change.accessUntil !== undefined
      ? change.accessUntil === null
        ? null
        : new Date(change.accessUntil)
      : roleChanged
        ? null
        : account.accessUntil
  const currentGroupIds = (await viewOf(store, account)).groupIds
  const requested = change.groupIds === undefined ? null : [...new Set(change.groupIds)].sort()
  const groupsChanged = requested !== null && requested.join() !== [...currentGroupIds].sort().join()
  const groupIds = groupsChanged ? requested : roleChanged ? (requested ?? []) : null
  const problem =
    (change.displayName === undefined ? null : displayNameProblem(change.displayName)) ??
    (change.accessUntil !== undefined || roleChanged ? accessUntilProblem(role, accessUntil, now) : null) ??
    (groupIds === null ? null : await groupsProblem(store, actor, role, groupIds))
  if (problem !== null) return reject(problem)
  // Groups of the new kind are set; becoming or ceasing to be an expert clears those of the old kind.
  const set = groupIds ?? undefined
  const clear = roleChanged ? [] : undefined
  const memberGroupIds = role === 'guest' ? (account.role === 'guest' ? undefined : clear) : set
  const guestGroupIds = role === 'guest' ? set : account.role === 'guest' ? clear : undefined
  const changed = await store.accounts.updateAccount(
    id,
    {
      displayName: change.displayName?.trim(),
      role: change.role,
      accessUntil: change.accessUntil !== undefined || roleChanged ? accessUntil : undefined,
      memberGroupIds,
      guestGroupIds,
    },
    { actorId: actor.userId, action: 'account.update', detail: { ...change } },
  )
  if (!changed) return missing('没有这个账号')
  // What they may do changed: their editors reconnect, and the upgrade decides each document's access anew.
  if (roleChanged || groupIds !== null)
    context.registry.closeConnectionsOf(id, CloseCode.accessChanged, 'access changed')
  return succeed(await viewOf(store, changed))
}

export async function setDisabled(
  context: SchoolContext,
  actor: Actor,
  id: string,
  disabled: boolean,
  now = new Date(),
): Promise<Outcome<Account>> {
  const { store } = context
  const target = await managed(store, actor, id, { kind: disabled ? 'disable' : 'enable' })
  if (!target.ok) return target
  if ((target.value.disabledAt !== null) === disabled) return succeed(await viewOf(store, target.value))
  const changed = await store.accounts.setAccountDisabled(id, disabled ? now : null, {
    actorId: actor.userId,
    action: disabled ? 'account.disable' : 'account.enable',
    detail: { username: target.value.username },
  })
  if (!changed) return missing('没有这个账号')
  // [SCHOOL-3] Their sessions ended with the write; their open documents close now.
  if (disabled) context.registry.closeConnectionsOf(id, CloseCode.unauthorized, 'account disabled')
  return succeed(await viewOf(store, changed))
}

/** [SCHOOL-8] A new password only the office sees, once; the teacher must change it at the next sign-in. */
export async function resetPassword(
  { store, registry }: SchoolContext,
  actor: Actor,
  id: string,
): Promise<Outcome<AccountWithPassword>> {
  const target = await managed(store, actor, id, { kind: 'resetPassword' })
  if (!target.ok) return target
  const password = oneTimePassword()
  // Whoever knew the old password is signed out everywhere, in the same transaction, open documents at once.
  const changed = await store.accounts.setPassword(id, await hashPassword(password), true, {
    keepSessionTokenHash: null,
    audit: { actorId: actor.userId, action: 'account.resetPassword', detail: { username: target.value.username } },
  })
  if (!changed) return missing('没有这个账号')
  registry.closeConnectionsOf(id, CloseCode.unauthorized, 'password reset')
  return succeed({ account: await viewOf(store, (await store.accounts.findAccount(id))!), oneTimePassword: password })
}

async function managed(
  store: Pick<Store, 'accounts'>,
  actor: Actor,
  id: string,
  change: { kind: AccountChangeKind; role?: Role },
): Promise<Outcome<AccountRecord>> {
  if (actor.role !== 'admin') return forbid('只有教导处可以管理账号')
  const account = await store.accounts.findAccount(id)
  if (!account || account.schoolId !== actor.schoolId) return missing('没有这个账号')
  const refusal = accountChangeRefusal(actor, account, change, await store.accounts.countActiveAdmins(actor.schoolId))
  return refusal === null ? succeed(account) : forbid(refusal)
}

async function groupsProblem(
  store: Pick<Store, 'groups'>,
  actor: Actor,
  role: Role,
  groupIds: readonly string[],
): Promise<string | null> {
  if (groupIds.length === 0) return null
  const known = new Set((await store.groups.listGroups(actor.schoolId)).map((group) => group.id))
  if (groupIds.some((id) => !known.has(id))) return '没有这个备课组'
  // An expert is invited to groups; anyone else joins them as a member, which an office account may too.
  return role === 'guest' ? null : memberProblem({ role, disabledAt: null })
}

async function viewOf(store: Pick<Store, 'accounts' | 'groups'>, account: AccountRecord): Promise<Account> {
  return accountView(account, await store.groups.listGroupDetails(account.schoolId))
}
