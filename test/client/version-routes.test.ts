import { describe, expect, it } from 'vitest'
import { hrefFor, isVersionRoute, parseRoute, type VersionRoute } from '../../client/src/routing.ts'

describe('routes of versions, adaptations and variants', () => {
  it.each<VersionRoute>([
    { page: 'version', versionId: 'v 1' },
    { page: 'versionCompare', lessonId: 'l/1', from: 'a', to: 'b' },
    { page: 'adaptation', documentId: 'd?1' },
    { page: 'variantCompare', lessonId: 'l1', left: 'x', right: 'y' },
  ])('round-trips $page', (route) => {
    expect(parseRoute(hrefFor(route))).toEqual(route)
    expect(isVersionRoute(route)).toBe(true)
  })

  it('leaves other pages alone and falls back on incomplete paths', () => {
    expect(isVersionRoute({ page: 'editor', documentId: 'd' })).toBe(false)
    expect(parseRoute('#/versions/')).toEqual({ page: 'documents' })
    expect(parseRoute('#/lessons/l1/compare/a')).toEqual({ page: 'documents' })
  })
})
