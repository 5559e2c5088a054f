/** The 备课计划 and lessons over HTTP. */
import type {
  Assignment,
  GroupPlan,
  LessonDetail,
  LessonPlanInput,
  LessonPlanPatch,
  LessonSummary,
} from '../../../shared/api/lessons.ts'
import type { LessonStage } from '../../../shared/workflow/stages.ts'
import { apiRequest } from './http.ts'

const id = encodeURIComponent

export const fetchPlan = (groupId: string, semester?: string) =>
  apiRequest<GroupPlan>(`/api/groups/${id(groupId)}/plan${semester ? `?semester=${id(semester)}` : ''}`)

export const addLesson = (groupId: string, input: LessonPlanInput) =>
  apiRequest<LessonSummary>(`/api/groups/${id(groupId)}/lessons`, { method: 'POST', body: input })

export const updateLesson = (lessonId: string, patch: LessonPlanPatch) =>
  apiRequest<LessonSummary>(`/api/lessons/${id(lessonId)}`, { method: 'PATCH', body: patch })

export const deleteLesson = (lessonId: string) => apiRequest<void>(`/api/lessons/${id(lessonId)}`, { method: 'DELETE' })

export const fetchAssignments = () => apiRequest<Assignment[]>('/api/me/assignments')

export const fetchLesson = (lessonId: string) => apiRequest<LessonDetail>(`/api/lessons/${id(lessonId)}`)

export const moveLesson = (lessonId: string, to: LessonStage) =>
  apiRequest<LessonDetail>(`/api/lessons/${id(lessonId)}/stage`, { method: 'POST', body: { to } })

export const setLiveReview = (lessonId: string, open: boolean) =>
  apiRequest<LessonDetail>(`/api/lessons/${id(lessonId)}/live-review`, { method: 'POST', body: { open } })
