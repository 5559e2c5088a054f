/**
 * The 备课计划 of a group (`GET /api/groups/{groupId}/plan`, `POST /api/groups/{groupId}/lessons`) and a
 * teacher's own assignments as 主备人 (`GET /api/me/assignments`).
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import { assignment, groupPlan, lessonPlanInput, lessonSummary } from '../../../shared/api/lessons.ts'
import { compareUnits } from '../../../shared/library/library-tree.ts'
import { decide } from '../../../shared/workflow/lesson-rules.ts'
import { localDateTime, planSemesters, semesterOf } from '../../../shared/workflow/lesson-schedule.ts'
import { createPlanEntry, groupOf, plannedLesson, preparersOf } from '../../workflow/plan-entries.ts'
import { lessonSummaries } from '../../workflow/lesson-views.ts'
import type { WorkflowContext } from '../../workflow/stage-change.ts'
import { notFound } from '../api-error.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { refusalError } from './route-helpers.ts'

const groupParams = z.object({ groupId: z.string().min(1) })

const getPlan = createRoute({
  method: 'get',
  path: '/api/groups/{groupId}/plan',
  summary: 'The group’s 备课计划 for one semester (the current one unless asked)',
  request: { params: groupParams, query: z.object({ semester: z.string().max(40).optional() }) },
  responses: {
    200: { description: '备课计划', content: jsonContent(groupPlan) },
    ...errorResponses(401, 404),
  },
})

const addLesson = createRoute({
  method: 'post',
  path: '/api/groups/{groupId}/lessons',
  summary: 'Add a lesson to the plan (leader or office); creates its shared 导学案 from the school template',
  request: { params: groupParams, body: { content: jsonContent(lessonPlanInput), required: true } },
  responses: {
    201: { description: '已添加', content: jsonContent(lessonSummary) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const myAssignments = createRoute({
  method: 'get',
  path: '/api/me/assignments',
  summary: 'Lessons the signed-in teacher prepares as 主备人, by due date',
  responses: {
    200: { description: '我的任务', content: jsonContent(z.array(assignment)) },
    ...errorResponses(401),
  },
})

export function planRoutes(context: WorkflowContext) {
  const { store } = context
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  app.openapi(getPlan, async (c) => {
    const { actor } = c.var.auth
    const { groupId } = c.req.valid('param')
    const group = await groupOf(store, actor, groupId)
    if (!group) throw notFound('没有这个备课组')
    const now = localDateTime(new Date())
    const semester = c.req.valid('query').semester ?? semesterOf(now.date)
    const [lessons, semesters, preparers, units] = await Promise.all([
      store.lessons.listLessonsOfGroup(groupId, semester),
      store.lessons.listSemestersOfGroup(groupId),
      preparersOf(store, groupId),
      store.lessons.listUnitsOfGroup(groupId),
    ])
    const manage = decide('manage', actor, plannedLesson(group, ''))
    return c.json(
      {
        group: { id: group.id, name: group.name },
        semester,
        semesters: planSemesters(semesters, now.date, semester),
        manage: manage.allowed ? { allowed: true } : { allowed: false, reason: manage.reason },
        members: preparers.map(({ id, displayName }) => ({ id, displayName })),
        units: units.sort(compareUnits),
        lessons: await lessonSummaries(store, lessons, now),
      },
      200,
    )
  })

  app.openapi(addLesson, async (c) => {
    const outcome = await createPlanEntry(context, c.var.auth.actor, c.req.valid('param').groupId, c.req.valid('json'))
    if (!outcome.ok) throw refusalError(outcome)
    const [summary] = await lessonSummaries(store, [outcome.value], localDateTime(new Date()))
    return c.json(summary!, 201)
  })

  app.openapi(myAssignments, async (c) => {
    const { actor } = c.var.auth
    const [lessons, groups] = await Promise.all([
      store.lessons.listLessonsOfLeadPreparer(actor.userId),
      store.groups.listGroups(actor.schoolId),
    ])
    const groupNames = new Map(groups.map((group) => [group.id, group.name]))
    const summaries = await lessonSummaries(store, lessons, localDateTime(new Date()))
    return c.json(
      summaries.map((summary) => ({ ...summary, groupName: groupNames.get(summary.groupId) ?? '' })),
      200,
    )
  })
  return app
}
