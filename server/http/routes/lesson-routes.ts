/**
 * One lesson of the plan: its page (`GET /api/lessons/{id}`), changing or deleting its plan entry, moving
 * it to another stage, 集体研讨, and its stage history. Refusals are 403 with the rule's reason.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import {
  lessonDetail,
  lessonPlanPatch,
  lessonSummary,
  liveReviewRequest,
  stageChangeRequest,
  stageEvent,
} from '../../../shared/api/lessons.ts'
import { localDateTime } from '../../../shared/workflow/lesson-schedule.ts'
import type { Actor } from '../../../shared/access.ts'
import type { LessonRecord } from '../../store/lesson-records.ts'
import { lessonDetailOf, lessonSummaries } from '../../workflow/lesson-views.ts'
import { deletePlanEntry, updatePlanEntry } from '../../workflow/plan-entries.ts'
import { changeStage, setLiveReview, type WorkflowContext } from '../../workflow/stage-change.ts'
import { FinalizeFailed } from '../../versions/finalize-lesson.ts'
import { ApiError } from '../api-error.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { unwrap, visibleLesson } from './route-helpers.ts'
import type { Logger } from '../../log/logger.ts'
import { requestLogger } from '../request-log.ts'

const lessonParams = z.object({ id: z.string().min(1) })

const getLesson = createRoute({
  method: 'get',
  path: '/api/lessons/{id}',
  summary: 'A lesson with the moves and actions open to the signed-in user, its history and documents',
  request: { params: lessonParams },
  responses: { 200: { description: '课', content: jsonContent(lessonDetail) }, ...errorResponses(401, 404) },
})

const updateLesson = createRoute({
  method: 'patch',
  path: '/api/lessons/{id}',
  summary: 'Change the plan entry (leader or office), e.g. its date or its 主备人',
  request: { params: lessonParams, body: { content: jsonContent(lessonPlanPatch), required: true } },
  responses: {
    200: { description: '已修改', content: jsonContent(lessonSummary) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const deleteLesson = createRoute({
  method: 'delete',
  path: '/api/lessons/{id}',
  summary: 'Remove the plan entry with its 导学案 (leader or office, before the review)',
  request: { params: lessonParams },
  responses: { 204: { description: '已删除' }, ...errorResponses(401, 403, 404) },
})

const moveLesson = createRoute({
  method: 'post',
  path: '/api/lessons/{id}/stage',
  summary: 'Move the lesson to another stage; 定稿 also stores the next version of the shared 导学案',
  request: { params: lessonParams, body: { content: jsonContent(stageChangeRequest), required: true } },
  responses: {
    200: { description: '已变更', content: jsonContent(lessonDetail) },
    ...errorResponses(400, 401, 403, 404),
  },
})

/** A 定稿 that could not be stored changed nothing; the leader is told so, and can try again. */
function finalizeFailure(log: Logger, error: unknown): never {
  if (error instanceof FinalizeFailed) {
    log.error({ err: error.cause }, 'finalizing failed')
    throw new ApiError(500, 'internal', error.message)
  }
  throw error
}

const toggleLiveReview = createRoute({
  method: 'post',
  path: '/api/lessons/{id}/live-review',
  summary: 'Open or close 集体研讨 live editing for every member (leader, review stage)',
  request: { params: lessonParams, body: { content: jsonContent(liveReviewRequest), required: true } },
  responses: {
    200: { description: '已变更', content: jsonContent(lessonDetail) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const stageHistory = createRoute({
  method: 'get',
  path: '/api/lessons/{id}/history',
  summary: 'Every stage move of the lesson, oldest first: who, when',
  request: { params: lessonParams },
  responses: {
    200: { description: '阶段记录', content: jsonContent(z.array(stageEvent)) },
    ...errorResponses(401, 404),
  },
})

export function lessonRoutes(context: WorkflowContext) {
  const { store } = context
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  const detail = (lesson: LessonRecord, actor: Actor) => lessonDetailOf(store, lesson, actor, localDateTime(new Date()))

  app.openapi(getLesson, async (c) => {
    const { actor } = c.var.auth
    return c.json(await detail(await visibleLesson(store, actor, c.req.valid('param').id), actor), 200)
  })

  app.openapi(updateLesson, async (c) => {
    const { actor } = c.var.auth
    const { id } = c.req.valid('param')
    await visibleLesson(store, actor, id)
    const lesson = unwrap(await updatePlanEntry(context, actor, id, c.req.valid('json')))
    await context.onLessonChanged?.(lesson)
    const [summary] = await lessonSummaries(store, [lesson], localDateTime(new Date()))
    return c.json(summary!, 200)
  })

  app.openapi(deleteLesson, async (c) => {
    const { actor } = c.var.auth
    const { id } = c.req.valid('param')
    await visibleLesson(store, actor, id)
    unwrap(await deletePlanEntry(context, actor, id))
    return c.body(null, 204)
  })

  app.openapi(moveLesson, async (c) => {
    const { actor } = c.var.auth
    const { id } = c.req.valid('param')
    await visibleLesson(store, actor, id)
    const lesson = unwrap(
      await changeStage(context, id, actor, c.req.valid('json').to).catch((error: unknown) =>
        finalizeFailure(requestLogger(c), error),
      ),
    )
    return c.json(await detail(lesson, actor), 200)
  })

  app.openapi(toggleLiveReview, async (c) => {
    const { actor } = c.var.auth
    const { id } = c.req.valid('param')
    await visibleLesson(store, actor, id)
    const lesson = unwrap(await setLiveReview(context, id, actor, c.req.valid('json').open))
    return c.json(await detail(lesson, actor), 200)
  })

  app.openapi(stageHistory, async (c) => {
    const { actor } = c.var.auth
    const { history } = await detail(await visibleLesson(store, actor, c.req.valid('param').id), actor)
    return c.json(history, 200)
  })
  return app
}
