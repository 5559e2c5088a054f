import { describe, expect, it } from 'vitest'
import { meetingHref, parseMeetingRoute } from '../../../client/src/meetings/meeting-routes.ts'

describe('meeting routes', () => {
  it.each([
    [{ page: 'meetingSheet', meetingId: 'm 1' } as const, '#/meetings/m%201'],
    [{ page: 'groupOverview' } as const, '#/overview'],
    [{ page: 'groupOverview', groupId: 'g1' } as const, '#/overview/g1'],
    [
      { page: 'groupOverview', groupId: 'g1', semester: '2026-2027学年第一学期' } as const,
      '#/overview/g1/2026-2027%E5%AD%A6%E5%B9%B4%E7%AC%AC%E4%B8%80%E5%AD%A6%E6%9C%9F',
    ],
  ])('%o ⇄ %s', (route, href) => {
    expect(meetingHref(route)).toBe(href)
    expect(parseMeetingRoute(href.slice(1))).toEqual(route)
  })

  it('leaves other paths to other pages', () => {
    expect(parseMeetingRoute('/meetings')).toBeNull()
    expect(parseMeetingRoute('/meetings/a/b')).toBeNull()
    expect(parseMeetingRoute('/overview/a/b/c')).toBeNull()
    expect(parseMeetingRoute('/documents/a')).toBeNull()
  })
})
