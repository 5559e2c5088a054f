/**
 * 师徒结对: the pairs with their counts for a semester, one pair's annotations and 听课记录, pairing and
 * unpairing (office; a leader within their group), recording a 听课记录 and the lessons it may name. Refusals are 403 with the
 * rule's reason and change nothing; people and pairs of other schools are 404.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  mentorshipList,
  newPairInput,
  observableLesson,
  observableLessonsQuery,
  observationInput,
  observationView,
  pairDetail,
  pairParams,
  pairView,
  semesterQuery,
} from '../../../shared/api/mentorship.ts'
import { observableLessonsFor } from '../../mentorship/observed-lessons.ts'
import { recordObservation } from '../../mentorship/observations.ts'
import { mentorshipListFor, pairDetailFor } from '../../mentorship/pair-views.ts'
import { pair, unpair } from '../../mentorship/pairing.ts'
import type { ContentContext } from '../../versions/document-content.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { unwrap } from './route-helpers.ts'

const listPairs = createRoute({
  method: 'get',
  path: '/api/mentorships',
  summary: 'The pairs the signed-in user may see, with their counts for the semester, and whom they may pair',
  request: { query: semesterQuery },
  responses: { 200: { description: '师徒结对', content: jsonContent(mentorshipList) }, ...errorResponses(400, 401) },
})

const createPair = createRoute({
  method: 'post',
  path: '/api/mentorships',
  summary: 'Pair a mentor with an apprentice (office; a leader for members of their group)',
  request: { body: { content: jsonContent(newPairInput), required: true } },
  responses: {
    201: { description: '已结对', content: jsonContent(pairView) },
    200: { description: '他们已经结对', content: jsonContent(pairView) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const getPair = createRoute({
  method: 'get',
  path: '/api/mentorships/{mentorId}/{apprenticeId}',
  summary: 'One pair in a semester: counts, the mentor’s annotations, 听课记录 (the pair, their leader, the office)',
  request: { params: pairParams, query: semesterQuery },
  responses: {
    200: { description: '师徒结对', content: jsonContent(pairDetail) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const deletePair = createRoute({
  method: 'delete',
  path: '/api/mentorships/{mentorId}/{apprenticeId}',
  summary: 'Unpair them (whoever may pair them); their threads and 听课记录 stay',
  request: { params: pairParams },
  responses: { 204: { description: '已解除结对' }, ...errorResponses(401, 403, 404) },
})

const createObservation = createRoute({
  method: 'post',
  path: '/api/observations',
  summary: 'Record a lesson the signed-in teacher observed (听课记录)',
  request: { body: { content: jsonContent(observationInput), required: true } },
  responses: {
    201: { description: '已记录', content: jsonContent(observationView) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const listObservableLessons = createRoute({
  method: 'get',
  path: '/api/observations/lessons',
  summary:
    'The lessons a 听课记录 of this teacher may name: their group’s 备课计划 (this semester and the last), recent first',
  request: { query: observableLessonsQuery },
  responses: {
    200: { description: '可选的课', content: jsonContent(z.array(observableLesson)) },
    ...errorResponses(400, 401, 404),
  },
})

export function mentorshipRoutes(context: ContentContext) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  app.openapi(listPairs, async (c) => {
    return c.json(await mentorshipListFor(context, c.var.auth.actor, c.req.valid('query').semester), 200)
  })

  app.openapi(createPair, async (c) => {
    const { view, created } = unwrap(await pair(context, c.var.auth.actor, c.req.valid('json')))
    return created ? c.json(view, 201) : c.json(view, 200)
  })

  app.openapi(getPair, async (c) => {
    const { semester } = c.req.valid('query')
    return c.json(unwrap(await pairDetailFor(context, c.var.auth.actor, c.req.valid('param'), semester)), 200)
  })

  app.openapi(deletePair, async (c) => {
    unwrap(await unpair(context, c.var.auth.actor, c.req.valid('param')))
    return c.body(null, 204)
  })

  app.openapi(createObservation, async (c) => {
    return c.json(unwrap(await recordObservation(context, c.var.auth.actor, c.req.valid('json'))), 201)
  })

  app.openapi(listObservableLessons, async (c) => {
    const { observedId } = c.req.valid('query')
    return c.json(unwrap(await observableLessonsFor(context.store, c.var.auth.actor, observedId)), 200)
  })
  return app
}
