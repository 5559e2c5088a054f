/** Hash routes of the office's pages, `#/school` (账号), `#/school/groups`, `#/school/audit`, `#/school/roster` (导入名单), `#/school/checks` (教案检查), and `#/account` (我的账号). */
export const schoolTabs = ['accounts', 'groups', 'roster', 'checks', 'audit'] as const
export type SchoolTab = (typeof schoolTabs)[number]

export type SchoolRoute = { page: 'school'; tab: SchoolTab } | { page: 'account' }

export function parseSchoolRoute(path: string): SchoolRoute | null {
  if (path === '/account') return { page: 'account' }
  if (path === '/school') return { page: 'school', tab: 'accounts' }
  const tab = /^\/school\/(groups|roster|checks|audit)$/.exec(path)?.[1] as SchoolTab | undefined
  return tab ? { page: 'school', tab } : null
}

export function schoolHref(route: SchoolRoute): string {
  if (route.page === 'account') return '#/account'
  return route.tab === 'accounts' ? '#/school' : `#/school/${route.tab}`
}
