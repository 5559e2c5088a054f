import { describe, expect, it } from 'vitest'
import { parseRoute, hrefFor } from '../../../client/src/routing.ts'
import { resultRoute, versionRoute } from '../../../client/src/search/search-result-target.ts'
import type { SearchResult } from '../../../shared/api/search.ts'

describe('the search page route', () => {
  it('[SEARCH-7] keeps the query and its filters in the address, and leaves out what it does not know', () => {
    const route = parseRoute('#/search?q=%E6%96%B9%E7%A8%8B&subject=数学&kind=meeting&stage=done&semester=')
    expect(route).toEqual({ page: 'search', query: { q: '方程', subject: '数学', kind: 'meeting' } })
    expect(parseRoute(hrefFor(route))).toEqual(route)
    expect(parseRoute('#/search')).toEqual({ page: 'search', query: { q: '' } })
  })
})

describe('where a result opens', () => {
  const base: SearchResult = {
    documentId: 'd1',
    lessonId: 'l1',
    title: '方程',
    groupName: '七年级数学备课组',
    kind: 'lesson-plan',
    stage: 'draft',
    snippet: '',
  }

  it('opens a draft or 反思 in the editor, a record on its lesson, a 听课记录 on 师徒结对', () => {
    expect(resultRoute(base)).toEqual({ page: 'editor', documentId: 'd1' })
    expect(resultRoute({ ...base, kind: 'reflection' })).toEqual({ page: 'editor', documentId: 'd1' })
    expect(resultRoute({ ...base, kind: 'meeting', documentId: null })).toEqual({ page: 'lesson', lessonId: 'l1' })
    expect(resultRoute({ ...base, kind: 'observation', documentId: null, lessonId: null })).toEqual({
      page: 'mentorship',
    })
  })

  it('opens a 定稿 version by its label among the lesson’s versions', () => {
    const version = { ...base, versionLabel: 'v2' }
    expect(resultRoute(version)).toBe('version')
    const person = { id: 'u', displayName: '李老师' }
    const versions = [1, 2].map((number) => ({
      id: `ver${number}`,
      lessonId: 'l1',
      number,
      name: `定稿 v${number}`,
      createdBy: person,
      createdAt: '2026-11-01T00:00:00.000Z',
    }))
    expect(versionRoute(version, versions)).toEqual({ page: 'version', versionId: 'ver2' })
    expect(versionRoute(version, [])).toEqual({ page: 'lesson', lessonId: 'l1' })
  })
})
