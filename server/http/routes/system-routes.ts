/** `GET /healthz` (answers 503 when the store is unreachable) and `GET /metrics` (Prometheus text format). */
import { Hono } from 'hono'
import type { Registry } from 'prom-client'

export function systemRoutes(registry: Registry, checkStore: () => Promise<unknown>) {
  const app = new Hono()
  app.get('/healthz', async (c) => {
    try {
      await checkStore()
      return c.json({ status: 'ok' })
    } catch {
      return c.json({ status: 'unavailable', store: 'unreachable' }, 503)
    }
  })
  app.get('/metrics', async (c) => {
    c.header('Content-Type', registry.contentType)
    return c.body(await registry.metrics())
  })
  return app
}
