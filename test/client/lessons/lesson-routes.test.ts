import { describe, expect, it } from 'vitest'
import { type LessonRoute, lessonHref, parseLessonRoute } from '../../../client/src/lessons/lesson-routes.ts'
import { parseRoute } from '../../../client/src/routing.ts'

describe('lesson routes', () => {
  it.each<[string, LessonRoute]>([
    ['#/groups/math7/plan', { page: 'plan', groupId: 'math7' }],
    [
      '#/groups/math7/plan/2026-2027%E5%AD%A6%E5%B9%B4%E7%AC%AC%E4%B8%80%E5%AD%A6%E6%9C%9F',
      { page: 'plan', groupId: 'math7', semester: '2026-2027学年第一学期' },
    ],
    ['#/lessons/abc', { page: 'lesson', lessonId: 'abc' }],
    ['#/assignments', { page: 'assignments' }],
  ])('%s round-trips', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route)
    expect(lessonHref(route)).toBe(hash)
  })

  it('leaves the version pages under #/lessons/<id>/… to their own routes', () => {
    expect(parseLessonRoute('/lessons/abc/compare/v1/v2')).toBeNull()
    expect(parseRoute('#/lessons/abc/compare/v1/v2')).toMatchObject({ page: 'versionCompare' })
  })
})
