/**
 * `GET /api/template` (everyone of the school may read it) and `PUT /api/template` (the office only):
 * the school's 导学案 template. Saving changes only drafts created afterwards, never existing documents.
 */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { type Actor, canManageSchool } from '../../../shared/access.ts'
import { saveTemplateRequest, type TemplateView, templateView } from '../../../shared/api/template.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import type { Store, TemplateRecord } from '../../store/store.ts'
import { forbidden } from '../api-error.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'

const readTemplate = createRoute({
  method: 'get',
  path: '/api/template',
  summary: "The school's 导学案 template, used for new drafts",
  responses: { 200: { description: '导学案模板', content: jsonContent(templateView) }, ...errorResponses(401) },
})

const saveTemplate = createRoute({
  method: 'put',
  path: '/api/template',
  summary: "Replace the school's 导学案 template (office only); existing documents keep theirs",
  request: { body: { content: jsonContent(saveTemplateRequest), required: true } },
  responses: {
    200: { description: '已保存的导学案模板', content: jsonContent(templateView) },
    ...errorResponses(400, 401, 403),
  },
})

export const templateEditRefusal = '只有教导处可以修改导学案模板'

export function templateRoutes(store: Pick<Store, 'accounts' | 'groups' | 'templates'>) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  app.openapi(readTemplate, async (c) => {
    const { actor } = c.var.auth
    return c.json(await viewOf(store, actor, await store.templates.findTemplate(actor.schoolId)), 200)
  })

  app.openapi(saveTemplate, async (c) => {
    const { actor } = c.var.auth
    if (!canManageSchool(actor)) throw forbidden(templateEditRefusal)
    const { template } = c.req.valid('json')
    const saved = await store.templates.saveTemplate(actor.schoolId, template, actor.userId)
    return c.json(await viewOf(store, actor, saved), 200)
  })
  return app
}

async function viewOf(
  store: Pick<Store, 'accounts' | 'groups'>,
  actor: Actor,
  saved: TemplateRecord | null,
): Promise<TemplateView> {
  const canEdit = canManageSchool(actor)
  if (saved === null)
    return { template: defaultLessonTemplate, isDefault: true, updatedAt: null, updatedBy: null, canEdit }
  const author = await store.accounts.findUserById(saved.updatedBy)
  return {
    template: saved.definition,
    isDefault: false,
    updatedAt: saved.updatedAt.toISOString(),
    updatedBy: author && { id: author.id, displayName: author.displayName },
    canEdit,
  }
}
