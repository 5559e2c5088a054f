/**
 * Hash routes of the printable 集体备课记录 (`#/meetings/<id>`) and the group page
 * (`#/overview`, `#/overview/<groupId>`, `#/overview/<groupId>/<semester>`).
 */
export type MeetingRoute =
  { page: 'meetingSheet'; meetingId: string } | { page: 'groupOverview'; groupId?: string; semester?: string }

export function parseMeetingRoute(path: string): MeetingRoute | null {
  const parts = path.split('/').slice(1).map(decodeURIComponent)
  if (parts.some((part) => part === '')) return null
  const [first, second, third] = parts
  if (parts.length === 2 && first === 'meetings') return { page: 'meetingSheet', meetingId: second! }
  if (first !== 'overview' || parts.length > 3) return null
  return {
    page: 'groupOverview',
    ...(second === undefined ? {} : { groupId: second }),
    ...(third === undefined ? {} : { semester: third }),
  }
}

export function meetingHref(route: MeetingRoute): string {
  if (route.page === 'meetingSheet') return `#/meetings/${encodeURIComponent(route.meetingId)}`
  const parts = ['overview', route.groupId, route.groupId === undefined ? undefined : route.semester]
  return `#/${parts
    .filter((part) => part !== undefined)
    .map((part) => encodeURIComponent(part))
    .join('/')}`
}

const meetingPages: readonly string[] = ['meetingSheet', 'groupOverview'] satisfies MeetingRoute['page'][]

export function isMeetingRoute(route: { page: string }): route is MeetingRoute {
  return meetingPages.includes(route.page)
}
