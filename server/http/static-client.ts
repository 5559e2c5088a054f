/**
 * Serves the built client (`client/dist`) and answers unknown non-API paths with its `index.html`,
 * so that deep links into the single-page app work.
 */
import { existsSync, readFileSync } from 'node:fs'
import { relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

export const clientDistDir = fileURLToPath(new URL('../../client/dist', import.meta.url))

export function staticClient(distDir = clientDistDir) {
  const app = new Hono()
  const indexPath = resolve(distDir, 'index.html')
  if (!existsSync(indexPath)) {
    app.get('*', (c) => c.text('客户端尚未构建：请先运行 npm run build', 503))
    return app
  }
  const indexHtml = readFileSync(indexPath, 'utf8')
  app.use('/assets/*', serveStatic({ root: relative(process.cwd(), distDir) }))
  app.use('*', serveStatic({ root: relative(process.cwd(), distDir) }))
  app.get('*', (c) => c.html(indexHtml))
  return app
}
