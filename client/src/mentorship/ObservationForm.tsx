/**
 * 记录听课: the signed-in teacher records a lesson of the other one of the pair they watched, picked from
 * that teacher's lessons of the 备课计划 or 其他 (a lesson outside it).
 */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import type { Person } from '../../../shared/api/lessons.ts'
import type { ObservableLesson, ObservationInput } from '../../../shared/api/mentorship.ts'
import { localDateTime } from '../../../shared/workflow/lesson-schedule.ts'
import { recordObservation } from '../api/mentorship.ts'
import { queries } from '../api/queries.ts'
import { failureText } from '../api/teacher-message.ts'
import { lessonChoiceLabel, lessonsBySemester, withObservedLesson } from './observed-lesson-choice.ts'

type Draft = Omit<ObservationInput, 'observedId'>
type TextField = Exclude<keyof Draft, 'lessonId'>

const today = () => localDateTime(new Date()).date

const emptyDraft = (): Draft => ({
  lessonId: null,
  date: today(),
  topic: '',
  notes: '',
  strengths: '',
  problems: '',
  suggestions: '',
})

const parts: [TextField, string][] = [
  ['notes', '听课笔记'],
  ['strengths', '优点'],
  ['problems', '问题'],
  ['suggestions', '建议'],
]

export function ObservationForm({ observed, onRecorded }: { observed: Person; onRecorded: () => void }) {
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  const [message, setMessage] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const lessons = useQuery(queries.observableLessons(observed.id))
  const set = (key: TextField, value: string) => setDraft((current) => ({ ...current, [key]: value }))
  const lessonOf = (id: string | null) => lessons.data?.find((lesson) => lesson.id === id) ?? null
  const pickLesson = (id: string) =>
    setDraft((current) => withObservedLesson(current, lessonOf(id), lessonOf(current.lessonId), today()))

  const submit = async () => {
    setSaving(true)
    setMessage(null)
    try {
      await recordObservation({ ...draft, observedId: observed.id })
      setDraft(emptyDraft())
      setMessage('已记录')
      onRecorded()
    } catch (failure) {
      setMessage(failureText(failure, '记录失败'))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      className="meeting-form"
      data-testid="observation-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h3>记录听课：听{observed.displayName}的课</h3>
      <LessonPicker
        lessons={lessons.data ?? []}
        failed={lessons.error !== null && !lessons.data}
        observedId={observed.id}
        value={draft.lessonId}
        onPick={pickLesson}
      />
      <div className="meeting-form-row">
        <label>
          日期
          <input
            type="date"
            value={draft.date}
            onChange={(e) => set('date', e.target.value)}
            required
            data-testid="observation-date"
          />
        </label>
        <label className="meeting-form-wide">
          课题
          <input
            value={draft.topic}
            onChange={(e) => set('topic', e.target.value)}
            required
            maxLength={100}
            data-testid="observation-topic"
          />
        </label>
      </div>
      {parts.map(([key, label]) => (
        <label key={key}>
          {label}
          <textarea
            value={draft[key]}
            onChange={(e) => set(key, e.target.value)}
            rows={3}
            data-testid={`observation-${key}`}
          />
        </label>
      ))}
      <button type="submit" disabled={saving || draft.topic.trim() === ''} data-testid="observation-submit">
        保存听课记录
      </button>
      {message && (
        <p className="muted" role="status">
          {message}
        </p>
      )}
    </form>
  )
}

interface LessonPickerProps {
  lessons: readonly ObservableLesson[]
  failed: boolean
  observedId: string
  value: string | null
  onPick: (lessonId: string) => void
}

function LessonPicker({ lessons, failed, observedId, value, onPick }: LessonPickerProps) {
  return (
    <label>
      听的课
      <select value={value ?? ''} onChange={(e) => onPick(e.target.value)} data-testid="observation-lesson">
        <option value="">其他（不在备课计划里）</option>
        {lessonsBySemester(lessons).map(([semester, ofSemester]) => (
          <optgroup key={semester} label={semester}>
            {ofSemester.map((lesson) => (
              <option key={lesson.id} value={lesson.id}>
                {lessonChoiceLabel(lesson, observedId)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      {failed && <span className="muted">备课计划里的课没有加载出来，可以先按“其他”记录。</span>}
    </label>
  )
}
