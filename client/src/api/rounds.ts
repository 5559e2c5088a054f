/** 磨课 rounds of a lesson over HTTP (docs/LIBRARY.md, LIBRARY-8 and LIBRARY-9). */
import type { LessonDetail } from '../../../shared/api/lessons.ts'
import type { LessonRoundList, RoundComparison } from '../../../shared/api/rounds.ts'
import { apiRequest } from './http.ts'

const id = encodeURIComponent

export const listRounds = (lessonId: string) => apiRequest<LessonRoundList>(`/api/lessons/${id(lessonId)}/rounds`)

export const startRound = (lessonId: string) =>
  apiRequest<LessonDetail>(`/api/lessons/${id(lessonId)}/rounds`, { method: 'POST', body: {} })

export const compareRounds = (lessonId: string, from: number, to: number) =>
  apiRequest<RoundComparison>(`/api/lessons/${id(lessonId)}/rounds/compare?from=${from}&to=${to}`)
