import { describe, expect, it } from 'vitest'
import {
  type MentorshipRoute,
  mentorshipHref,
  parseMentorshipRoute,
} from '../../../client/src/mentorship/mentorship-routes.ts'

describe('师徒结对 routes', () => {
  it.each<MentorshipRoute>([
    { page: 'mentorship' },
    { page: 'mentorship', semester: '2026-2027学年第一学期' },
    { page: 'mentorship', semester: '2026-2027学年第一学期', pair: { mentorId: 'a/b', apprenticeId: 'c d' } },
  ])('%o survives a round trip', (route) => {
    expect(parseMentorshipRoute(mentorshipHref(route).slice(1))).toEqual(route)
  })

  it.each(['/mentorships', '/mentorship/s/m', '/mentorship//m/a', '/mentorship/s/m/a/x'])('%s is not one', (path) => {
    expect(parseMentorshipRoute(path)).toBeNull()
  })
})
