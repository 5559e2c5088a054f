/**
 * Hash routes of the 师徒结对 page: `#/mentorship`, `#/mentorship/<semester>` and one pair open,
 * `#/mentorship/<semester>/<mentorId>/<apprenticeId>`.
 */
export interface MentorshipRoute {
  page: 'mentorship'
  semester?: string
  pair?: { mentorId: string; apprenticeId: string }
}

export function parseMentorshipRoute(path: string): MentorshipRoute | null {
  const parts = path.split('/').slice(1).map(decodeURIComponent)
  if (parts[0] !== 'mentorship' || parts.some((part) => part === '')) return null
  const [, semester, mentorId, apprenticeId] = parts
  if (parts.length === 1) return { page: 'mentorship' }
  if (parts.length === 2) return { page: 'mentorship', semester: semester! }
  if (parts.length === 4)
    return { page: 'mentorship', semester: semester!, pair: { mentorId: mentorId!, apprenticeId: apprenticeId! } }
  return null
}

export function mentorshipHref(route: MentorshipRoute): string {
  if (route.semester === undefined) return '#/mentorship'
  const pair = route.pair ? [route.pair.mentorId, route.pair.apprenticeId] : []
  return `#/${['mentorship', route.semester, ...pair].map(encodeURIComponent).join('/')}`
}
