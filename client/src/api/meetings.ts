/** 集体备课记录 and the group page over HTTP. */
import type { GroupOverview, OverviewQuery } from '../../../shared/api/group-overview.ts'
import type {
  AttendanceView,
  LessonMeetings,
  MeetingInput,
  MeetingRecordView,
  MeetingSheet,
  MeetingTimeInput,
  NewMeetingInput,
} from '../../../shared/api/meetings.ts'
import { apiRequest } from './http.ts'

const id = encodeURIComponent

export const listMeetings = (lessonId: string) => apiRequest<LessonMeetings>(`/api/lessons/${id(lessonId)}/meetings`)

export const createMeeting = (lessonId: string, input: NewMeetingInput) =>
  apiRequest<MeetingRecordView>(`/api/lessons/${id(lessonId)}/meetings`, { method: 'POST', body: input })

export const updateMeeting = (meetingId: string, input: MeetingInput) =>
  apiRequest<MeetingRecordView>(`/api/meetings/${id(meetingId)}`, { method: 'PUT', body: input })

export const fetchAttendance = (lessonId: string, time: MeetingTimeInput) =>
  apiRequest<AttendanceView>(`/api/lessons/${id(lessonId)}/attendance?${new URLSearchParams({ ...time })}`)

export const fetchMeetingSheet = (meetingId: string) => apiRequest<MeetingSheet>(`/api/meetings/${id(meetingId)}`)

export function fetchGroupOverview(query: OverviewQuery): Promise<GroupOverview> {
  const params = new URLSearchParams()
  if (query.groupId) params.set('groupId', query.groupId)
  if (query.semester) params.set('semester', query.semester)
  const search = params.size > 0 ? `?${params}` : ''
  return apiRequest<GroupOverview>(`/api/group-overview${search}`)
}
