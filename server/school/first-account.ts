/**
 * The first 教导处 account of a new school, made from the command line (`npm run create-admin`) or from
 * the first-run page. Both check the same rules and create the school, the account and its audit entry
 * in one transaction, so a refused request leaves nothing behind.
 */
import {
  defaultOfficeName,
  displayNameProblem,
  passwordProblem,
  schoolNameProblem,
  usernameProblem,
} from '../../shared/school/account-rules.ts'
import { hashPassword } from '../auth/passwords.ts'
import { UsernameTakenError } from '../store/school-records.ts'
import type { AccountRecord, Store } from '../store/store.ts'

export interface FirstAccountRequest {
  school: string
  username: string
  password: string
  displayName?: string
}

export type FirstAccountOutcome = { ok: true; account: AccountRecord; school: string } | { ok: false; message: string }

export const officeColor = '#495057'

/** The first problem of the request in Chinese, or null: checked before anything is written. */
export function firstAccountProblem(request: FirstAccountRequest): string | null {
  return (
    schoolNameProblem(request.school) ??
    usernameProblem(request.username) ??
    passwordProblem(request.password, request.username) ??
    (request.displayName === undefined ? null : displayNameProblem(request.displayName))
  )
}

export async function createFirstAccount(
  store: Pick<Store, 'accounts'>,
  request: FirstAccountRequest,
): Promise<FirstAccountOutcome> {
  const problem = firstAccountProblem(request)
  if (problem !== null) return { ok: false, message: problem }
  const school = request.school.trim()
  if (await store.accounts.findUserByUsername(request.username)) return usernameTaken(request.username)
  try {
    const account = await store.accounts.createSchoolWithAdmin(school, {
      username: request.username,
      displayName: request.displayName?.trim() || defaultOfficeName,
      passwordHash: await hashPassword(request.password),
      color: officeColor,
    })
    return { ok: true, account, school }
  } catch (error) {
    if (error instanceof UsernameTakenError) return usernameTaken(request.username)
    throw error
  }
}

function usernameTaken(username: string): FirstAccountOutcome {
  return { ok: false, message: `用户名 ${username} 已被使用，请换一个` }
}
