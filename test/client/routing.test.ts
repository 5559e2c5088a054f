import { describe, expect, it } from 'vitest'
import { hrefFor, parseRoute } from '../../client/src/routing.ts'

describe('routes', () => {
  it('parses the three pages and falls back to the documents list', () => {
    expect(parseRoute('#/login')).toEqual({ page: 'login' })
    expect(parseRoute('#/login?sso=no_account')).toEqual({ page: 'login', ssoFailure: 'no_account' })
    expect(parseRoute('#/documents/doc%201')).toEqual({ page: 'editor', documentId: 'doc 1' })
    expect(parseRoute('')).toEqual({ page: 'documents' })
    expect(parseRoute('#/nowhere')).toEqual({ page: 'documents' })
  })

  it('has a page for the 导学案 template', () => {
    expect(parseRoute(hrefFor({ page: 'template' }))).toEqual({ page: 'template' })
  })

  it('has a page for the 资源库', () => {
    expect(hrefFor({ page: 'library' })).toBe('#/library')
    expect(parseRoute('#/library')).toEqual({ page: 'library' })
  })

  it('[LIBRARY-9] has a page comparing two 磨课 rounds of a lesson, by their numbers', () => {
    const route = { page: 'roundCompare', lessonId: 'l/1', from: 1, to: 2 } as const
    expect(hrefFor(route)).toBe('#/lessons/l%2F1/rounds/1/2')
    expect(parseRoute(hrefFor(route))).toEqual(route)
    expect(parseRoute('#/lessons/l1/rounds/one/2').page).not.toBe('roundCompare')
  })

  it('round-trips document ids', () => {
    const route = { page: 'editor', documentId: 'a/b?c' } as const
    expect(parseRoute(hrefFor(route))).toEqual(route)
  })

  it('opens a document at one thread, for links from the inbox', () => {
    const route = { page: 'editor', documentId: 'doc/1', threadId: 't 1' } as const
    expect(hrefFor(route)).toBe('#/documents/doc%2F1/threads/t%201')
    expect(parseRoute(hrefFor(route))).toEqual(route)
  })
})
