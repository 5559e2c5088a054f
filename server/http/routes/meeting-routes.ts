/**
 * 集体备课记录 of a lesson's review meetings: list and write them (leader or 主备人), prefill the
 * attendees from the presence log, and read one record for printing. Refusals are 403 with the rule's
 * reason and change nothing.
 */
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi'
import type { Actor } from '../../../shared/access.ts'
import {
  attendance,
  lessonMeetings,
  meetingInput,
  meetingRecord,
  meetingSheet,
  meetingTime,
  newMeetingInput,
} from '../../../shared/api/meetings.ts'
import {
  editMeeting,
  type MeetingContext,
  noSuchMeeting,
  onlineDuring,
  recordMeeting,
} from '../../meetings/meeting-steps.ts'
import { lessonMeetingsOf, meetingSheetOf, meetingViewOf } from '../../meetings/meeting-views.ts'
import type { MeetingRecord } from '../../store/meeting-records.ts'
import type { Outcome } from '../../workflow/outcome.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'
import { refusalError, visibleLesson } from './route-helpers.ts'

const lessonParams = z.object({ id: z.string().min(1) })
const meetingParams = z.object({ id: z.string().min(1) })

const listMeetings = createRoute({
  method: 'get',
  path: '/api/lessons/{id}/meetings',
  summary: 'The 集体备课记录 of a lesson, and whether the signed-in user may write them',
  request: { params: lessonParams },
  responses: {
    200: { description: '集体备课记录', content: jsonContent(lessonMeetings) },
    ...errorResponses(401, 404),
  },
})

const createMeeting = createRoute({
  method: 'post',
  path: '/api/lessons/{id}/meetings',
  summary: 'Write a new record (leader or 主备人); what is left out comes from the lesson and the presence log',
  request: { params: lessonParams, body: { content: jsonContent(newMeetingInput), required: true } },
  responses: {
    201: { description: '已记录', content: jsonContent(meetingRecord) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const getAttendance = createRoute({
  method: 'get',
  path: '/api/lessons/{id}/attendance',
  summary: 'Who had the shared 导学案 open during a meeting window, with minutes (leader or 主备人)',
  request: { params: lessonParams, query: meetingTime },
  responses: {
    200: { description: '在线记录', content: jsonContent(attendance) },
    ...errorResponses(400, 401, 403, 404),
  },
})

const getMeeting = createRoute({
  method: 'get',
  path: '/api/meetings/{id}',
  summary: 'One record as printed: with its lesson, group and the members who were absent',
  request: { params: meetingParams },
  responses: {
    200: { description: '集体备课记录表', content: jsonContent(meetingSheet) },
    ...errorResponses(401, 404),
  },
})

const updateMeeting = createRoute({
  method: 'put',
  path: '/api/meetings/{id}',
  summary: 'Replace what a record says (leader or 主备人)',
  request: { params: meetingParams, body: { content: jsonContent(meetingInput), required: true } },
  responses: {
    200: { description: '已保存', content: jsonContent(meetingRecord) },
    ...errorResponses(400, 401, 403, 404),
  },
})

export function meetingRoutes(context: MeetingContext) {
  const { store } = context
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()

  async function visibleMeeting(actor: Actor, id: string): Promise<MeetingRecord> {
    const meeting = await store.meetings.findMeeting(id)
    if (!meeting) throw refusalError(noSuchMeeting())
    await visibleLesson(store, actor, meeting.lessonId).catch(() => {
      throw refusalError(noSuchMeeting())
    })
    return meeting
  }

  async function view(meeting: Outcome<MeetingRecord>) {
    if (!meeting.ok) throw refusalError(meeting)
    const shown = await meetingViewOf(context, meeting.value)
    if (!shown) throw refusalError(noSuchMeeting())
    return shown
  }

  app.openapi(listMeetings, async (c) => {
    const { actor } = c.var.auth
    const lesson = await visibleLesson(store, actor, c.req.valid('param').id)
    return c.json(await lessonMeetingsOf(context, lesson, actor), 200)
  })

  app.openapi(createMeeting, async (c) => {
    const { actor } = c.var.auth
    const { id } = c.req.valid('param')
    await visibleLesson(store, actor, id)
    return c.json(await view(await recordMeeting(context, actor, id, c.req.valid('json'))), 201)
  })

  app.openapi(getAttendance, async (c) => {
    const { actor } = c.var.auth
    const lesson = await visibleLesson(store, actor, c.req.valid('param').id)
    const attendees = await onlineDuring(context, actor, lesson, c.req.valid('query'))
    if (!attendees.ok) throw refusalError(attendees)
    return c.json({ attendees: attendees.value }, 200)
  })

  app.openapi(getMeeting, async (c) => {
    const { actor } = c.var.auth
    const sheet = await meetingSheetOf(context, await visibleMeeting(actor, c.req.valid('param').id), actor)
    if (!sheet) throw refusalError(noSuchMeeting())
    return c.json(sheet, 200)
  })

  app.openapi(updateMeeting, async (c) => {
    const { actor } = c.var.auth
    const { id } = c.req.valid('param')
    await visibleMeeting(actor, id)
    return c.json(await view(await editMeeting(context, actor, id, c.req.valid('json'))), 200)
  })
  return app
}
