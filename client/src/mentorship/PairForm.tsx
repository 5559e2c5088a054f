/** Pairing two teachers (office, leader): pick the 师傅 and the 徒弟 from the people the user may pair. */
import { useState } from 'react'
import type { Person } from '../../../shared/api/lessons.ts'
import { createPair } from '../api/mentorship.ts'
import { failureText } from '../api/teacher-message.ts'

export function PairForm({ candidates, onPaired }: { candidates: readonly Person[]; onPaired: () => void }) {
  const [mentorId, setMentorId] = useState('')
  const [apprenticeId, setApprenticeId] = useState('')
  const [message, setMessage] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const problem =
    !mentorId || !apprenticeId ? '请选择师傅和徒弟' : mentorId === apprenticeId ? '师傅和徒弟不能是同一个人' : null

  const submit = async () => {
    if (problem) return
    setSaving(true)
    setMessage(null)
    try {
      const pair = await createPair({ mentorId, apprenticeId })
      setMessage(`已结对：${pair.mentor.displayName} → ${pair.apprentice.displayName}`)
      setMentorId('')
      setApprenticeId('')
      onPaired()
    } catch (failure) {
      setMessage(failureText(failure, '结对失败'))
    } finally {
      setSaving(false)
    }
  }

  const select = (label: string, value: string, onChange: (id: string) => void, testId: string) => (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">请选择</option>
        {candidates.map((person) => (
          <option key={person.id} value={person.id}>
            {person.displayName}
          </option>
        ))}
      </select>
    </label>
  )

  return (
    <form
      className="work-panel pair-form"
      data-testid="pair-form"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      <h2>新的结对</h2>
      {select('师傅', mentorId, setMentorId, 'pair-mentor')}
      {select('徒弟', apprenticeId, setApprenticeId, 'pair-apprentice')}
      <button type="submit" disabled={saving || problem !== null} data-testid="pair-submit">
        结对
      </button>
      {(message ?? (mentorId && apprenticeId ? problem : null)) && (
        <p className="muted" role="status">
          {message ?? problem}
        </p>
      )}
    </form>
  )
}
