/** The 集体备课记录 of a meeting as an export, for whoever may read the lesson it belongs to. */
import type { Actor } from '../../shared/access.ts'
import { meetingExport } from '../../shared/export/meeting-model.ts'
import type { MeetingContext } from '../meetings/meeting-steps.ts'
import { noSuchMeeting } from '../meetings/meeting-steps.ts'
import { meetingSheetOf } from '../meetings/meeting-views.ts'
import type { TitledExport } from './export-sources.ts'
import { lessonAllowing } from '../versions/version-service.ts'
import { type Outcome, succeed } from '../workflow/outcome.ts'

export async function meetingRecordExport(
  context: MeetingContext,
  meetingId: string,
  actor: Actor,
): Promise<Outcome<TitledExport>> {
  const meeting = await context.store.meetings.findMeeting(meetingId)
  if (!meeting) return noSuchMeeting()
  const lesson = await lessonAllowing(context.store, meeting.lessonId, actor, 'view')
  if (!lesson.ok) return lesson.kind === 'notFound' ? noSuchMeeting() : lesson
  const sheet = await meetingSheetOf(context, meeting, actor)
  if (!sheet) return noSuchMeeting()
  return succeed({ model: meetingExport(sheet), fileTitle: `集体备课记录-${sheet.lesson.title}-${sheet.meeting.date}` })
}
