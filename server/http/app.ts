/** The HTTP API: routes, validation errors as `{error}`, body limits, OpenAPI document. */
import { OpenAPIHono } from '@hono/zod-openapi'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import type { Registry } from 'prom-client'
import type { RoomRegistry } from '../collab/room-registry.ts'
import { limits } from '../../shared/limits.ts'
import type { PdfRenderer } from '../export/pdf/pdf-renderer.ts'
import type { InboxHub } from '../notifications/inbox-hub.ts'
import type { NotificationService } from '../notifications/notification-service.ts'
import type { PresenceReading } from '../meetings/attendance.ts'
import { LoginThrottle, type SignInThrottle } from '../auth/login-throttle.ts'
import type { FirstRunTokenGate } from '../school/first-run-gate.ts'
import type { SsoClient } from '../auth/sso-client.ts'
import type { Store } from '../store/store.ts'
import { ApiError, errorResponse, notFound } from './api-error.ts'
import { signedInUnlessPublic } from './auth-middleware.ts'
import { authRoutes, publicAuthPaths } from './routes/auth-routes.ts'
import { adaptationRoutes } from './routes/adaptation-routes.ts'
import { documentRoutes } from './routes/document-routes.ts'
import { exportRoutes } from './routes/export-routes.ts'
import { groupMemberRoutes } from './routes/group-member-routes.ts'
import { groupOverviewRoutes } from './routes/group-overview-routes.ts'
import { imageRoutes, isImageUploadPath } from './routes/image-routes.ts'
import { importRoutes, isUploadPath } from './routes/import-routes.ts'
import { lessonRoutes } from './routes/lesson-routes.ts'
import { libraryRoutes } from './routes/library-routes.ts'
import { meetingRoutes } from './routes/meeting-routes.ts'
import { mentorshipRoutes } from './routes/mentorship-routes.ts'
import { notificationRoutes } from './routes/notification-routes.ts'
import { planRoutes } from './routes/plan-routes.ts'
import { reflectionRoutes } from './routes/reflection-routes.ts'
import { requestLog, requestLogger } from './request-log.ts'
import { refuseCrossSite } from './same-origin.ts'
import { searchRoutes } from './routes/search-routes.ts'
import { securityHeaders } from './security-headers.ts'
import { ownAccountRoutes } from './routes/own-account-routes.ts'
import { checkRoutes } from './routes/check-routes.ts'
import { rosterRoutes, isRosterPath } from './routes/roster-routes.ts'
import { schoolAdminRoutes } from './routes/school-admin-routes.ts'
import { publicSetupPaths, setupRoutes } from './routes/setup-routes.ts'
import { publicSsoPaths, ssoRoutes } from './routes/sso-routes.ts'
import { schoolSsoRoutes } from './routes/school-sso-routes.ts'
import { systemRoutes } from './routes/system-routes.ts'
import { templateRoutes } from './routes/template-routes.ts'
import { staticClient } from './static-client.ts'
import { roundRoutes } from './routes/round-routes.ts'
import { versionRoutes } from './routes/version-routes.ts'

export interface AppOptions {
  store: Store
  /** The open documents, for routes that change a lesson or a document while editors are connected. */
  registry: RoomRegistry
  /** How the presence log's open entries are read (who attended a meeting). */
  presence: PresenceReading
  metricsRegistry: Registry
  serveClient: boolean
  /** Where the built client is, if not in `client/dist`. */
  clientDir?: string
  /** Prints exports to PDF; one browser for the whole server. */
  pdf: PdfRenderer
  /** The inbox: notifications made by stage moves, and the open streams that deliver them live. */
  inbox: { hub: InboxHub; notifications: NotificationService }
  /** One reverse proxy in front sets `X-Forwarded-Proto`/`-For`/`-Host` (`GONGBEI_TRUST_PROXY=1`). */
  trustProxy?: boolean
  /** Counts failed sign-ins; tests pass one with their own limits or clock. */
  loginThrottle?: SignInThrottle
  /** Guards the first-run page while the database has no account. */
  firstRun: FirstRunTokenGate
  /** The school's OpenID Connect provider, when the environment configures one. */
  sso?: SsoClient | null
}

export function createApp(options: AppOptions) {
  const { store, registry, presence, metricsRegistry, serveClient, clientDir, pdf, inbox } = options
  const trust = { trustProxy: options.trustProxy ?? false }
  const app = new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issue = result.error.issues[0]
        const where = issue?.path.join('.') || '请求'
        return errorResponse(c, new ApiError(400, 'invalid_request', `${where}：${issue?.message ?? '格式不正确'}`))
      }
      return undefined
    },
  })

  const jsonBodyLimit = bodyLimit({
    maxSize: limits.maxJsonBodyBytes,
    onError: (c) => {
      // The rest of the body is never read, so this connection cannot carry another request.
      c.header('Connection', 'close')
      return errorResponse(c, new ApiError(413, 'payload_too_large', '请求内容过大'))
    },
  })
  // Uploads have their own, larger limit where they are routed.
  const limitJsonBody: MiddlewareHandler = (c, next) =>
    isUploadPath(c.req.path) || isImageUploadPath(c.req.path) || isRosterPath(c.req.path)
      ? next()
      : jsonBodyLimit(c, next)
  app.use('*', requestLog)
  app.use('*', securityHeaders)
  app.use('/api/*', refuseCrossSite(trust))
  const openApiPath = '/api/openapi.json'
  // Before the routes, so that nothing of a request without a session is read: not even an upload's body.
  app.use(
    '/api/*',
    signedInUnlessPublic(store, new Set([...publicAuthPaths, ...publicSsoPaths, ...publicSetupPaths, openApiPath])),
  )
  app.use('/api/*', limitJsonBody)
  app.route('/', authRoutes({ store, registry, trust, throttle: options.loginThrottle ?? new LoginThrottle() }))
  app.route('/', ssoRoutes({ store, sso: options.sso ?? null, trust }))
  app.route('/', setupRoutes(store, options.firstRun, trust))
  app.route('/', ownAccountRoutes({ store, registry }))
  app.route('/', schoolAdminRoutes({ store, registry }))
  app.route('/', checkRoutes({ store, registry }))
  app.route('/', schoolSsoRoutes(store, options.sso?.settings ?? null))
  app.route('/', rosterRoutes({ store, registry }))
  app.route('/', documentRoutes(store))
  app.route('/', groupMemberRoutes(store))
  app.route('/', templateRoutes(store))
  app.route('/', planRoutes({ store, registry }))
  app.route(
    '/',
    lessonRoutes({
      store,
      registry,
      onStageMoved: (moved) => inbox.notifications.stageMoved(moved),
      onLessonChanged: (lesson) => inbox.notifications.lessonChanged(lesson),
    }),
  )
  app.route('/', versionRoutes({ store, registry }))
  app.route('/', roundRoutes({ store, registry, onStageMoved: (moved) => inbox.notifications.stageMoved(moved) }))
  app.route('/', libraryRoutes({ store, registry }))
  app.route('/', adaptationRoutes({ store, registry }))
  app.route('/', reflectionRoutes({ store, registry }))
  app.route('/', meetingRoutes({ store, presence }))
  app.route('/', groupOverviewRoutes({ store, registry }))
  app.route('/', mentorshipRoutes({ store, registry }))
  app.route('/', exportRoutes({ store, registry, presence, pdf }))
  app.route('/', importRoutes({ store, registry }))
  app.route('/', imageRoutes(store))
  app.route('/', searchRoutes(store))
  app.route('/', notificationRoutes({ store, ...inbox }))
  app.route(
    '/',
    systemRoutes(metricsRegistry, () => store.accounts.countUsers()),
  )
  app.doc31(openApiPath, {
    openapi: '3.1.0',
    info: { title: '共备 Gongbei API', version: '1' },
  })
  app.all('/api/*', (c) => errorResponse(c, notFound('没有这个接口')))
  if (serveClient) app.route('/', staticClient(clientDir))

  app.onError((error, c) => {
    if (error instanceof ApiError) return errorResponse(c, error)
    if (error instanceof HTTPException && error.status === 400) {
      return errorResponse(c, new ApiError(400, 'invalid_request', '请求不是有效的 JSON'))
    }
    if (error instanceof HTTPException && error.status === 415) {
      return errorResponse(c, new ApiError(415, 'unsupported_media_type', '请求内容的类型不对，应为 JSON'))
    }
    requestLogger(c).error({ err: error }, 'request failed')
    return errorResponse(c, new ApiError(500, 'internal', '服务器出错了，请稍后再试'))
  })
  return app
}
