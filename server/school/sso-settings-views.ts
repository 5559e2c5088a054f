/** What the office sees and decides of single sign-on for its school ([SCHOOL-16]). */
import type { Actor } from '../../shared/access.ts'
import type { SchoolSsoSettings } from '../../shared/api/sso.ts'
import type { SsoSettings } from '../auth/sso-settings.ts'
import type { Store } from '../store/store.ts'
import { forbid, missing, type Outcome, succeed } from '../workflow/outcome.ts'
import { ssoSchool } from './sso-sign-in.ts'

export async function schoolSsoSettings(
  store: Pick<Store, 'accounts'>,
  sso: Pick<SsoSettings, 'school'> | null,
  actor: Actor,
): Promise<Outcome<SchoolSsoSettings>> {
  if (actor.role !== 'admin') return forbid('只有教导处可以修改学校设置')
  const schools = await store.accounts.listSchools()
  const own = schools.find((school) => school.id === actor.schoolId)
  if (own === undefined) return missing('没有这所学校')
  const configured = sso !== null && ssoSchool(schools, sso.school)?.id === own.id
  return succeed({ configured, createsAccounts: own.ssoCreatesAccounts })
}

export async function setSsoCreatesAccounts(
  store: Pick<Store, 'accounts'>,
  sso: Pick<SsoSettings, 'school'> | null,
  actor: Actor,
  createsAccounts: boolean,
): Promise<Outcome<SchoolSsoSettings>> {
  const current = await schoolSsoSettings(store, sso, actor)
  if (!current.ok || current.value.createsAccounts === createsAccounts) return current
  await store.accounts.setSsoCreatesAccounts(actor.schoolId, createsAccounts, actor.userId)
  return succeed({ ...current.value, createsAccounts })
}
