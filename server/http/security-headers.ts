/**
 * Headers on every response (SEC-7). The policy allows what the built client needs and nothing else:
 * scripts and the service worker only from this origin (Vite emits no inline script), inline styles
 * (ProseMirror, Tiptap and React set `style` attributes), images from here and as `data:`/`blob:` URLs
 * (pasted pictures before upload, the favicon), and connections to this origin, `ws:`/`wss:` included.
 * No page of another site may frame ours.
 */
import { createMiddleware } from 'hono/factory'

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export const securityHeaders = createMiddleware(async (c, next) => {
  await next()
  c.header('Content-Security-Policy', contentSecurityPolicy)
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Referrer-Policy', 'same-origin')
  c.header('X-Frame-Options', 'DENY')
})
