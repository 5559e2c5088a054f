/**
 * 磨课 rounds of a lesson (docs/LIBRARY.md, LIBRARY-8 and LIBRARY-9): the list, starting the next round,
 * comparing two. Refusals are 403 with the rule's reason.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { lessonDetail } from '../../../shared/api/lessons.ts'
import { lessonRoundList, roundCompareQuery, roundComparison } from '../../../shared/api/rounds.ts'
import { localDateTime } from '../../../shared/workflow/lesson-schedule.ts'
import { compareRounds, listRounds, startNextRound } from '../../versions/lesson-rounds.ts'
import { lessonDetailOf } from '../../workflow/lesson-views.ts'
import type { WorkflowContext } from '../../workflow/stage-change.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { unwrap, visibleLesson } from './route-helpers.ts'

const lessonParams = z.object({ id: z.string().min(1) })

const list = createRoute({
  method: 'get',
  path: '/api/lessons/{id}/rounds',
  summary: 'The 磨课 rounds of the lesson, 第一轮 first: who started each, when, and its 定稿',
  request: { params: lessonParams },
  responses: {
    200: { description: '磨课轮次', content: jsonContent(lessonRoundList) },
    ...errorResponses(401, 404),
  },
})

const start = createRoute({
  method: 'post',
  path: '/api/lessons/{id}/rounds',
  summary: 'Start the next 磨课 round from the latest 定稿: the lesson goes back to 主备 (主备人 or leader)',
  request: { params: lessonParams },
  responses: {
    200: { description: '已开始下一轮', content: jsonContent(lessonDetail) },
    ...errorResponses(401, 403, 404),
  },
})

const compare = createRoute({
  method: 'get',
  path: '/api/lessons/{id}/rounds/compare',
  summary: 'What changed from one round to another; a round in progress is read as the shared plan is now',
  request: { params: lessonParams, query: roundCompareQuery },
  responses: {
    200: { description: '轮次对比', content: jsonContent(roundComparison) },
    ...errorResponses(400, 401, 404),
  },
})

export function roundRoutes(context: WorkflowContext) {
  const { store } = context
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  app.openapi(list, async (c) => {
    return c.json(unwrap(await listRounds(store, c.req.valid('param').id, c.var.auth.actor)), 200)
  })

  app.openapi(start, async (c) => {
    const { actor } = c.var.auth
    const { id } = c.req.valid('param')
    await visibleLesson(store, actor, id)
    const lesson = unwrap(await startNextRound(context, id, actor))
    return c.json(await lessonDetailOf(store, lesson, actor, localDateTime(new Date())), 200)
  })

  app.openapi(compare, async (c) => {
    const { from, to } = c.req.valid('query')
    return c.json(unwrap(await compareRounds(context, c.req.valid('param').id, from, to, c.var.auth.actor)), 200)
  })
  return app
}
