/**
 * 课后反思 (one per teacher and lesson, side by side on the lesson page, pointing at passages of the
 * plan) and 同课异构 designs compared section against section.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  addReferenceRequest,
  createVariantRequest,
  documentPassages as documentPassagesShape,
  passageReference,
  reflectionSummary,
  variantCompareQuery,
  variantComparison,
  variantSummary,
} from '../../../shared/api/versions.ts'
import {
  addReference,
  documentPassages,
  listReflections,
  openReflection,
} from '../../adaptations/reflection-service.ts'
import { compareVariants, createVariant, listVariants } from '../../adaptations/variant-service.ts'
import type { ContentContext } from '../../versions/document-content.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { unwrap } from './route-helpers.ts'

const lessonParams = z.object({ id: z.string().min(1) })
const documentParams = z.object({ documentId: z.string().min(1) })

const reflections = createRoute({
  method: 'get',
  path: '/api/lessons/{id}/reflections',
  summary: 'Every reflection of the lesson the signed-in user may read, with their content (多人一课多反思)',
  request: { params: lessonParams },
  responses: {
    200: { description: '课后反思', content: jsonContent(z.array(reflectionSummary)) },
    ...errorResponses(401, 404),
  },
})

const reflect = createRoute({
  method: 'post',
  path: '/api/lessons/{id}/reflections',
  summary: 'Start (or open) the signed-in teacher’s reflection on the lesson',
  request: { params: lessonParams },
  responses: {
    200: { description: '课后反思', content: jsonContent(z.object({ documentId: z.string() })) },
    ...errorResponses(401, 403, 404),
  },
})

const passages = createRoute({
  method: 'get',
  path: '/api/documents/{documentId}/passages',
  summary: 'The passages of a document, to pick one a reflection points at',
  request: { params: documentParams },
  responses: { 200: { description: '段落', content: jsonContent(documentPassagesShape) }, ...errorResponses(401, 404) },
})

const reference = createRoute({
  method: 'post',
  path: '/api/reflections/{documentId}/references',
  summary: 'Point the reflection at a passage of the lesson’s plan or an adaptation, quoting it',
  request: { params: documentParams, body: { content: jsonContent(addReferenceRequest), required: true } },
  responses: {
    200: { description: '已引用', content: jsonContent(passageReference) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const variants = createRoute({
  method: 'get',
  path: '/api/lessons/{id}/variants',
  summary: 'The 同课异构 designs of the lesson',
  request: { params: lessonParams },
  responses: {
    200: { description: '同课异构', content: jsonContent(z.array(variantSummary)) },
    ...errorResponses(401, 404),
  },
})

const design = createRoute({
  method: 'post',
  path: '/api/lessons/{id}/variants',
  summary: 'Start a 同课异构 design from the school template or from the current shared plan',
  request: { params: lessonParams, body: { content: jsonContent(createVariantRequest), required: true } },
  responses: {
    200: { description: '同课异构', content: jsonContent(variantSummary) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const compareDesigns = createRoute({
  method: 'get',
  path: '/api/lessons/{id}/variants/compare',
  summary: 'Two designs of the lesson side by side, section against section',
  request: { params: lessonParams, query: variantCompareQuery },
  responses: {
    200: { description: '对比', content: jsonContent(variantComparison) },
    ...errorResponses(400, 401, 404),
  },
})

export function reflectionRoutes(context: ContentContext) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  app.openapi(reflections, async (c) => {
    return c.json(unwrap(await listReflections(context, c.req.valid('param').id, c.var.auth.actor)), 200)
  })

  app.openapi(reflect, async (c) => {
    return c.json(unwrap(await openReflection(context, c.req.valid('param').id, c.var.auth.actor)), 200)
  })

  app.openapi(passages, async (c) => {
    return c.json(unwrap(await documentPassages(context, c.req.valid('param').documentId, c.var.auth.actor)), 200)
  })

  app.openapi(reference, async (c) => {
    const added = await addReference(context, c.req.valid('param').documentId, c.req.valid('json'), c.var.auth.actor)
    return c.json(unwrap(added), 200)
  })

  app.openapi(variants, async (c) => {
    return c.json(unwrap(await listVariants(context, c.req.valid('param').id, c.var.auth.actor)), 200)
  })

  app.openapi(design, async (c) => {
    return c.json(
      unwrap(await createVariant(context, c.req.valid('param').id, c.var.auth.actor, c.req.valid('json').from)),
      200,
    )
  })

  app.openapi(compareDesigns, async (c) => {
    const { left, right } = c.req.valid('query')
    return c.json(unwrap(await compareVariants(context, c.req.valid('param').id, left, right, c.var.auth.actor)), 200)
  })
  return app
}
