/** 师徒结对 and 听课记录 over HTTP. */
import type {
  MentorshipList,
  NewPairInput,
  ObservableLesson,
  ObservationInput,
  ObservationView,
  PairDetail,
  PairView,
} from '../../../shared/api/mentorship.ts'
import { apiRequest } from './http.ts'

const id = encodeURIComponent
const semesterSearch = (semester: string | undefined) => (semester ? `?${new URLSearchParams({ semester })}` : '')

export const fetchMentorships = (semester?: string) =>
  apiRequest<MentorshipList>(`/api/mentorships${semesterSearch(semester)}`)

export const fetchPair = (pair: NewPairInput, semester?: string) =>
  apiRequest<PairDetail>(`/api/mentorships/${id(pair.mentorId)}/${id(pair.apprenticeId)}${semesterSearch(semester)}`)

export const createPair = (pair: NewPairInput) =>
  apiRequest<PairView>('/api/mentorships', { method: 'POST', body: pair })

export const deletePair = (pair: NewPairInput) =>
  apiRequest<void>(`/api/mentorships/${id(pair.mentorId)}/${id(pair.apprenticeId)}`, { method: 'DELETE' })

export const recordObservation = (input: ObservationInput) =>
  apiRequest<ObservationView>('/api/observations', { method: 'POST', body: input })

export const fetchObservableLessons = (observedId: string) =>
  apiRequest<ObservableLesson[]>(`/api/observations/lessons?${new URLSearchParams({ observedId })}`)
