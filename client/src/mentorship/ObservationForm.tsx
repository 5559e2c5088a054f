/** 记录听课: the signed-in teacher records a lesson of the other one of the pair they watched. */
import { useState } from 'react'
import type { Person } from '../../../shared/api/lessons.ts'
import type { ObservationInput } from '../../../shared/api/mentorship.ts'
import { localDateTime } from '../../../shared/workflow/lesson-schedule.ts'
import { recordObservation } from '../api/mentorship.ts'
import { failureText } from '../versions/use-loaded.ts'

type Draft = Omit<ObservationInput, 'observedId' | 'lessonId'>

const emptyDraft = (): Draft => ({
  date: localDateTime(new Date()).date,
  topic: '',
  notes: '',
  strengths: '',
  problems: '',
  suggestions: '',
})

const parts: [keyof Draft, string][] = [
  ['notes', '听课笔记'],
  ['strengths', '优点'],
  ['problems', '问题'],
  ['suggestions', '建议'],
]

export function ObservationForm({ observed, onRecorded }: { observed: Person; onRecorded: () => void }) {
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  const [message, setMessage] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const set = (key: keyof Draft, value: string) => setDraft((current) => ({ ...current, [key]: value }))

  const submit = async () => {
    setSaving(true)
    setMessage(null)
    try {
      await recordObservation({ ...draft, observedId: observed.id, lessonId: null })
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
      <div className="meeting-form-row">
        <label>
          日期
          <input type="date" value={draft.date} onChange={(e) => set('date', e.target.value)} required data-testid="observation-date" />
        </label>
        <label className="meeting-form-wide">
          课题
          <input value={draft.topic} onChange={(e) => set('topic', e.target.value)} required maxLength={100} data-testid="observation-topic" />
        </label>
      </div>
      {parts.map(([key, label]) => (
        <label key={key}>
          {label}
          <textarea value={draft[key]} onChange={(e) => set(key, e.target.value)} rows={3} data-testid={`observation-${key}`} />
        </label>
      ))}
      <button type="submit" disabled={saving || draft.topic.trim() === ''} data-testid="observation-submit">
        保存听课记录
      </button>
      {message && <p className="muted" role="status">{message}</p>}
    </form>
  )
}
