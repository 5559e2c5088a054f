/** Who is logged in, and which page the hash asks for. Everything but the login page needs a user. */
import { useQueryClient } from '@tanstack/react-query'
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { fetchMe, logout } from './api/auth.ts'
import type { Me } from '../../shared/api.ts'
import { LoadFailure } from './components/LoadFailure.tsx'
import { DocumentsPage } from './pages/DocumentsPage.tsx'
import { LoginPage } from './pages/LoginPage.tsx'
import { PasswordForm } from './school/PasswordForm.tsx'
import { isLessonRoute, lessonHref } from './lessons/lesson-routes.ts'
import { InboxBell } from './notifications/InboxBell.tsx'
import { forgetRememberedSession, rememberedUser } from './offline/offline-fallback.ts'
import { useOfflineMode } from './offline/offline-mode.ts'
import { OfflineBanner, UpdateBanner } from './offline/OfflineNotices.tsx'
import { useServerRecheck } from './offline/use-server-recheck.ts'
import { isMeetingRoute } from './meetings/meeting-routes.ts'
import { SearchBox } from './search/SearchBox.tsx'
import { type Route, hrefFor, isVersionRoute, navigate, parseRoute, useHash } from './routing.ts'
import { loadEditorPage } from './pages/load-editor-page.ts'

// The editor (Tiptap, Yjs) is most of the code; the login and list pages should not wait for it.
const EditorPage = lazy(() => loadEditorPage().then((module) => ({ default: module.EditorPage })))
// Every other page but the login and the list loads when it is opened: the entry then neither carries nor
// runs their code and schemas (the print page alone brings Tiptap's core), which a document opened from a
// link waits for (CLIENT-3).
const SetupPage = lazy(() => import('./school/SetupPage.tsx').then((module) => ({ default: module.SetupPage })))
const OwnAccountPage = lazy(() =>
  import('./school/OwnAccountPage.tsx').then((module) => ({ default: module.OwnAccountPage })),
)
const SchoolPage = lazy(() => import('./school/SchoolPage.tsx').then((module) => ({ default: module.SchoolPage })))
const MeetingPages = lazy(() =>
  import('./meetings/MeetingPages.tsx').then((module) => ({ default: module.MeetingPages })),
)
const MentorshipPage = lazy(() =>
  import('./mentorship/MentorshipPage.tsx').then((module) => ({ default: module.MentorshipPage })),
)
const PrintPage = lazy(() => import('./export/PrintPage.tsx').then((module) => ({ default: module.PrintPage })))
const SearchPage = lazy(() => import('./search/SearchPage.tsx').then((module) => ({ default: module.SearchPage })))
const LibraryPage = lazy(() => import('./library/LibraryPage.tsx').then((module) => ({ default: module.LibraryPage })))
const TemplatePage = lazy(() =>
  import('./template/TemplatePage.tsx').then((module) => ({ default: module.TemplatePage })),
)
// The lesson page shows versions and adaptations, which render documents with the editor's schema.
const LessonPages = lazy(() => import('./lessons/LessonPages.tsx').then((module) => ({ default: module.LessonPages })))
const VersionPages = lazy(() =>
  import('./versions/VersionPages.tsx').then((module) => ({ default: module.VersionPages })),
)

const roleNames: Record<Me['role'], string> = { admin: '教导处', leader: '备课组长', teacher: '教师', guest: '专家' }

/** The pages that share one chunk share one boundary, so moving between them keeps their state. */
function pageFamily(route: Route): string {
  if (isVersionRoute(route)) return 'versions'
  if (isMeetingRoute(route)) return 'meetings'
  if (isLessonRoute(route)) return 'lessons'
  return route.page
}

/** The same user as before keeps the same object, so pages that depend on it do not start over. */
const keepIfSame = (checked: Me | null) => (current: Me | null | undefined) =>
  JSON.stringify(current) === JSON.stringify(checked) ? current : checked

export function App() {
  const hash = useHash()
  const route = useMemo(() => parseRoute(hash), [hash])
  /**
   * The user this device remembers shows the page at once, without a round trip on a slow link; the
   * server's answer follows and wins (a 401 signs out). `undefined`: nobody remembered, asking the server.
   */
  const [me, setMe] = useState<Me | null | undefined>(() => rememberedUser() ?? undefined)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [menuOpen, setMenuOpen] = useState(false)
  // A link taken from the folded menu closes it.
  const [menuHash, setMenuHash] = useState(hash)
  if (menuHash !== hash) {
    setMenuHash(hash)
    setMenuOpen(false)
  }

  useEffect(() => {
    fetchMe().then(
      (checked) => setMe(keepIfSame(checked)),
      (failure: unknown) => setLoadError(failure instanceof Error ? failure.message : '无法连接服务器'),
    )
  }, [])

  // Working from the remembered user: once the server answers again, its word (even a 401) wins.
  const recheckMe = useCallback(() => {
    fetchMe().then(
      (checked) => setMe(keepIfSame(checked)),
      () => {},
    )
  }, [])
  useServerRecheck(useOfflineMode(), recheckMe)

  // What one teacher's pages fetched is never shown to the next who signs in on this computer.
  const queryClient = useQueryClient()
  const userId = me?.id ?? null
  useEffect(() => () => queryClient.clear(), [userId, queryClient])

  /** Where a logged-out visitor was going, e.g. a document link a colleague sent. Never shown, so not state. */
  const returnTo = useRef<Route | null>(null)

  useEffect(() => {
    if (me === null && route.page !== 'login' && route.page !== 'setup') {
      returnTo.current = route
      navigate({ page: 'login' })
    }
    if (me && (route.page === 'login' || route.page === 'setup')) {
      navigate(returnTo.current ?? { page: 'documents' })
      returnTo.current = null
    }
  }, [me, route])

  const onLoggedOut = useCallback(() => {
    forgetRememberedSession()
    setMe(null)
  }, [])
  const onLogout = () => {
    void logout().finally(() => {
      // Whoever logs in next starts from their own list, not from this teacher's last document.
      navigate({ page: 'login' })
      setMe(null)
    })
  }

  if (loadError) {
    return (
      <p className="page-message" role="alert">
        {loadError}
        <button type="button" className="link-button" onClick={() => window.location.reload()}>
          重试
        </button>
      </p>
    )
  }
  if (me === undefined) return <p className="page-message">正在加载……</p>
  if (me === null && route.page === 'setup') {
    return (
      <LoadFailure>
        <Suspense fallback={<p className="page-message">正在加载……</p>}>
          <SetupPage token={route.token} onCreated={setMe} />
        </Suspense>
      </LoadFailure>
    )
  }
  if (me === null || route.page === 'login' || route.page === 'setup') {
    return <LoginPage onLoggedIn={setMe} ssoFailure={route.page === 'login' ? route.ssoFailure : undefined} />
  }
  if (me.mustChangePassword) {
    return (
      <main className="login-page">
        <div className="login-card" data-testid="forced-password-change">
          <h1>共备</h1>
          <p className="login-tagline">{me.displayName}，教导处为你设置了一次性密码，请先改成自己的密码。</p>
          <PasswordForm onChanged={setMe} />
          <button type="button" className="link-button" onClick={onLogout}>
            退出登录
          </button>
        </div>
      </main>
    )
  }

  return (
    <div className="app">
      <nav className="top-bar">
        <a className="brand" href={hrefFor({ page: 'documents' })}>
          共备
        </a>
        <button
          type="button"
          className="top-menu-button"
          aria-expanded={menuOpen}
          aria-controls="top-links"
          data-testid="top-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          菜单
        </button>
        <div className="top-links" id="top-links" data-open={menuOpen}>
          {me.groups.map((group) => (
            <a key={group.id} href={lessonHref({ page: 'plan', groupId: group.id })} data-testid="plan-link">
              {me.groups.length > 1 ? `${group.name} · 备课计划` : '备课计划'}
            </a>
          ))}
          <a href={hrefFor({ page: 'library' })} data-testid="library-link">
            资源库
          </a>
          {me.groups.length > 0 && (
            <a href={lessonHref({ page: 'assignments' })} data-testid="assignments-link">
              我的任务
            </a>
          )}
          {me.role !== 'guest' && (
            <a href={hrefFor({ page: 'groupOverview' })} data-testid="overview-link">
              备课组概况
            </a>
          )}
          {me.role !== 'guest' && (
            <a href={hrefFor({ page: 'mentorship' })} data-testid="mentorship-link">
              师徒结对
            </a>
          )}
          {me.role === 'admin' && (
            <a href={hrefFor({ page: 'template' })} data-testid="template-link">
              导学案模板
            </a>
          )}
          {me.role === 'admin' && (
            <a href={hrefFor({ page: 'school', tab: 'accounts' })} data-testid="school-link">
              学校管理
            </a>
          )}
        </div>
        <SearchBox current={route.page === 'search' ? route.query : null} />
        <InboxBell />
        <a
          className="top-user"
          href={hrefFor({ page: 'account' })}
          title="我的账号：密码、登录设备和教案检查"
          data-testid="current-user"
        >
          {me.displayName}
          <span className="top-role">{roleNames[me.role]}</span>
        </a>
        <button type="button" className="link-button" onClick={onLogout} data-testid="logout">
          退出登录
        </button>
      </nav>
      <UpdateBanner />
      <OfflineBanner />
      {route.page === 'editor' ? (
        <LoadFailure>
          <Suspense fallback={<p className="page-message">正在打开文档……</p>}>
            <EditorPage
              key={route.documentId}
              documentId={route.documentId}
              threadId={route.threadId}
              me={me}
              onLoggedOut={onLoggedOut}
            />
          </Suspense>
        </LoadFailure>
      ) : (
        // Keyed by page, so that a page which failed to load does not stay failed on the next page.
        <LoadFailure key={pageFamily(route)}>
          <Suspense fallback={<p className="page-message">正在加载……</p>}>
            {isVersionRoute(route) ? (
              <VersionPages route={route} me={me} />
            ) : isMeetingRoute(route) ? (
              <MeetingPages route={route} />
            ) : isLessonRoute(route) ? (
              <LessonPages route={route} me={me} />
            ) : route.page === 'library' ? (
              <LibraryPage />
            ) : route.page === 'print' ? (
              <PrintPage route={route} />
            ) : route.page === 'mentorship' ? (
              <MentorshipPage route={route} me={me} />
            ) : route.page === 'school' ? (
              me.role === 'admin' ? (
                <SchoolPage tab={route.tab} />
              ) : (
                <p className="page-message">只有教导处可以管理学校</p>
              )
            ) : route.page === 'account' ? (
              <OwnAccountPage me={me} onChanged={setMe} />
            ) : route.page === 'search' ? (
              <SearchPage query={route.query} />
            ) : route.page === 'template' ? (
              <TemplatePage onLoggedOut={onLoggedOut} />
            ) : (
              <DocumentsPage onLoggedOut={onLoggedOut} planner={me.role !== 'guest' && me.groups.length > 0} />
            )}
          </Suspense>
        </LoadFailure>
      )}
    </div>
  )
}
