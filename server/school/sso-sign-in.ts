/**
 * The account a verified single sign-on identity signs into ([SCHOOL-15]), created where the office
 * allows it ([SCHOOL-16]). The provider has done the proving; this decides what it means here.
 */
import { randomBytes } from 'node:crypto'
import { ssoDecision } from '../../shared/school/sso-rules.ts'
import { hashPassword, oneTimePasswordCost } from '../auth/passwords.ts'
import { SsoRefusal } from '../auth/sso-flow.ts'
import type { SsoSettings } from '../auth/sso-settings.ts'
import { type SchoolRecord, UsernameTakenError } from '../store/school-records.ts'
import type { AccountRecord, Store } from '../store/store.ts'
import { accountColors } from './accounts.ts'

export async function ssoAccount(
  store: Pick<Store, 'accounts'>,
  settings: Pick<SsoSettings, 'usernameClaim' | 'nameClaim' | 'school'>,
  claims: Record<string, unknown>,
  now = new Date(),
): Promise<AccountRecord> {
  const school = ssoSchool(await store.accounts.listSchools(), settings.school)
  if (school === null) throw new SsoRefusal('school')
  const claim = claims[settings.usernameClaim]
  const user = typeof claim === 'string' ? await store.accounts.findUserByUsername(claim.trim()) : null
  const found = user === null ? null : await store.accounts.findAccount(user.id)
  const decision = ssoDecision(claim, claims[settings.nameClaim], found, school, now)
  switch (decision.kind) {
    case 'refuse':
      throw new SsoRefusal(decision.failure)
    case 'signIn': {
      const { account } = decision
      if (!account.mustChangePassword) return account
      // [SCHOOL-15] The office's one-time password was never used and is now never needed: it stops working.
      await store.accounts.setPassword(account.id, await unknowablePassword(), false)
      return { ...account, mustChangePassword: false }
    }
    case 'create': {
      const { username, displayName, role } = decision
      const accounts = await store.accounts.listAccounts(school.id)
      try {
        return await store.accounts.createAccount(
          {
            schoolId: school.id,
            username,
            displayName,
            role,
            color: accountColors[accounts.length % accountColors.length]!,
            passwordHash: await unknowablePassword(),
            mustChangePassword: false,
            accessUntil: null,
          },
          { actorId: null, action: 'account.createBySso', detail: { username, displayName, role } },
        )
      } catch (error) {
        // Another school's account took the name between the look-up and the write.
        if (error instanceof UsernameTakenError) throw new SsoRefusal('no_account', error)
        throw error
      }
    }
  }
}

/** The school sign-in belongs to: the one named, else the server's only one. */
export function ssoSchool(schools: readonly SchoolRecord[], name: string | null): SchoolRecord | null {
  if (name !== null) return schools.find((school) => school.name === name) ?? null
  return schools.length === 1 ? schools[0]! : null
}

/**
 * An account signing in through the school's provider has no password of ours; the office can give it
 * one with 重置密码.
 */
function unknowablePassword(): Promise<string> {
  return hashPassword(randomBytes(32).toString('base64url'), oneTimePasswordCost)
}
