/**
 * Hash routes, so the server only ever has to serve index.html at `/`:
 * `#/` documents, `#/login` (`#/login?sso=<failure>` after a refused single sign-on), `#/library` (资源库), `#/documents/<id>` (and `#/documents/<id>/threads/<threadId>`, opened at one
 * thread), `#/template` (导学案模板), `#/setup/<token>` (the first-run page of a new school), `#/search?q=…`
 * (搜索).
 */
import { useSyncExternalStore } from 'react'
import { parsePrintRoute, printHref, type PrintRoute } from './export/print-routes.ts'
import { lessonHref, type LessonRoute, parseLessonRoute } from './lessons/lesson-routes.ts'
import { libraryHref, type LibraryRoute, parseLibraryRoute } from './library/library-routes.ts'
import { meetingHref, type MeetingRoute, parseMeetingRoute } from './meetings/meeting-routes.ts'
import { mentorshipHref, type MentorshipRoute, parseMentorshipRoute } from './mentorship/mentorship-routes.ts'
import { parseSchoolRoute, schoolHref, type SchoolRoute } from './school/school-routes.ts'
import { parseSearchRoute, searchHref, type SearchRoute } from './search/search-routes.ts'

export type Route =
  | { page: 'documents' }
  | { page: 'login'; ssoFailure?: string }
  | { page: 'editor'; documentId: string; threadId?: string }
  | { page: 'template' }
  | { page: 'setup'; token: string }
  | SchoolRoute
  | VersionRoute
  | MeetingRoute
  | MentorshipRoute
  | LessonRoute
  | LibraryRoute
  | PrintRoute
  | SearchRoute

/** Pages of 定稿 versions, 二次备课 and 同课异构. */
export type VersionRoute =
  | { page: 'version'; versionId: string }
  | { page: 'versionCompare'; lessonId: string; from: string; to: string }
  | { page: 'roundCompare'; lessonId: string; from: number; to: number }
  | { page: 'adaptation'; documentId: string }
  | { page: 'variantCompare'; lessonId: string; left: string; right: string }

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '')
  const login = /^\/login(?:\?sso=(\w+))?$/.exec(path)
  if (login) return login[1] ? { page: 'login', ssoFailure: login[1] } : { page: 'login' }
  if (path === '/template') return { page: 'template' }
  const setup = /^\/setup(?:\/([^/]+))?$/.exec(path)
  if (setup) return { page: 'setup', token: setup[1] ? decodeURIComponent(setup[1]) : '' }
  const editor = /^\/documents\/([^/]+)(?:\/threads\/([^/]+))?$/.exec(path)
  if (editor) {
    const documentId = decodeURIComponent(editor[1]!)
    return editor[2]
      ? { page: 'editor', documentId, threadId: decodeURIComponent(editor[2]) }
      : { page: 'editor', documentId }
  }
  const school = parseSchoolRoute(path)
  if (school) return school
  const version = parseVersionRoute(path)
  if (version) return version
  const meeting = parseMeetingRoute(path)
  if (meeting) return meeting
  const mentorship = parseMentorshipRoute(path)
  if (mentorship) return mentorship
  const lesson = parseLessonRoute(path)
  if (lesson) return lesson
  const library = parseLibraryRoute(path)
  if (library) return library
  const print = parsePrintRoute(path)
  if (print) return print
  const search = parseSearchRoute(path)
  if (search) return search
  return { page: 'documents' }
}

export function hrefFor(route: Route): string {
  switch (route.page) {
    case 'documents':
      return '#/'
    case 'login':
      return '#/login'
    case 'template':
      return '#/template'
    case 'setup':
      return route.token ? `#/setup/${encodeURIComponent(route.token)}` : '#/setup'
    case 'school':
    case 'account':
      return schoolHref(route)
    case 'editor':
      return route.threadId
        ? `#/documents/${encodeURIComponent(route.documentId)}/threads/${encodeURIComponent(route.threadId)}`
        : `#/documents/${encodeURIComponent(route.documentId)}`
    case 'version':
      return `#/versions/${encodeURIComponent(route.versionId)}`
    case 'versionCompare':
      return `#/lessons/${[route.lessonId, 'compare', route.from, route.to].map(encodeURIComponent).join('/')}`
    case 'roundCompare':
      return `#/lessons/${encodeURIComponent(route.lessonId)}/rounds/${route.from}/${route.to}`
    case 'adaptation':
      return `#/adaptations/${encodeURIComponent(route.documentId)}`
    case 'variantCompare':
      return `#/lessons/${[route.lessonId, 'variants', route.left, route.right].map(encodeURIComponent).join('/')}`
    case 'meetingSheet':
    case 'groupOverview':
      return meetingHref(route)
    case 'mentorship':
      return mentorshipHref(route)
    case 'plan':
    case 'lesson':
    case 'assignments':
      return lessonHref(route)
    case 'library':
      return libraryHref()
    case 'print':
      return printHref(route)
    case 'search':
      return searchHref(route)
  }
}

const versionPages: readonly string[] = [
  'version',
  'versionCompare',
  'roundCompare',
  'adaptation',
  'variantCompare',
] satisfies VersionRoute['page'][]

export function isVersionRoute(route: Route): route is VersionRoute {
  return versionPages.includes(route.page)
}

function parseVersionRoute(path: string): VersionRoute | null {
  const parts = path.split('/').slice(1).map(decodeURIComponent)
  if (parts.some((part) => part === '')) return null
  const [first, second, third, fourth, fifth] = parts
  if (parts.length === 2 && first === 'versions') return { page: 'version', versionId: second! }
  if (parts.length === 2 && first === 'adaptations') return { page: 'adaptation', documentId: second! }
  if (parts.length === 5 && first === 'lessons' && third === 'compare') {
    return { page: 'versionCompare', lessonId: second!, from: fourth!, to: fifth! }
  }
  if (
    parts.length === 5 &&
    first === 'lessons' &&
    third === 'rounds' &&
    [fourth, fifth].every((n) => /^\d+$/.test(n!))
  ) {
    return { page: 'roundCompare', lessonId: second!, from: Number(fourth), to: Number(fifth) }
  }
  if (parts.length === 5 && first === 'lessons' && third === 'variants') {
    return { page: 'variantCompare', lessonId: second!, left: fourth!, right: fifth! }
  }
  return null
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route)
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash)
}
