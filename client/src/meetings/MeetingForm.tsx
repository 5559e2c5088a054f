/**
 * Writing or correcting one 集体备课记录 (四定三有): time, place, topic, 主讲人, attendees (ticked from the
 * presence log on request), 讨论纪要 and 形成共识.
 */
import { useEffect, useEffectEvent, useState } from 'react'
import type { Person } from '../../../shared/api/lessons.ts'
import type { LessonMeetings, MeetingRecordView } from '../../../shared/api/meetings.ts'
import { createMeeting, fetchAttendance, updateMeeting } from '../api/meetings.ts'
import { failureText } from '../api/teacher-message.ts'
import {
  attendeeChoices,
  draftOf,
  draftProblem,
  type MeetingDraft,
  newMeetingDraft,
  withAttendance,
} from './meeting-draft.ts'

interface MeetingFormProps {
  lessonId: string
  meetings: LessonMeetings
  /** The record to correct; a new one when absent. */
  editing: MeetingRecordView | null
  onSaved: (meeting: MeetingRecordView) => void
  onCancel: () => void
}

export function MeetingForm({ lessonId, meetings, editing, onSaved, onCancel }: MeetingFormProps) {
  const [draft, setDraft] = useState<MeetingDraft>(() =>
    editing ? draftOf(editing) : newMeetingDraft(meetings.defaults),
  )
  const [minutesOnline, setMinutesOnline] = useState<Map<string, number>>(
    () =>
      new Map(editing?.attendees.flatMap((a) => (a.minutesPresent === null ? [] : [[a.id, a.minutesPresent]])) ?? []),
  )
  const [extraPeople, setExtraPeople] = useState<Person[]>(() => editing?.attendees ?? [])
  const [message, setMessage] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)

  const set = <K extends keyof MeetingDraft>(key: K, value: MeetingDraft[K]) =>
    setDraft((current) => ({ ...current, [key]: value }))
  const choices = attendeeChoices(meetings.members, [...extraPeople, ...(editing ? [editing.presenter] : [])])
  const problem = draftProblem(draft)

  const toggleAttendee = (id: string) =>
    set(
      'attendeeIds',
      draft.attendeeIds.includes(id) ? draft.attendeeIds.filter((other) => other !== id) : [...draft.attendeeIds, id],
    )

  // Everything it changes waits for the answer, so opening the form can call it from an effect.
  const fillFromPresence = () =>
    fetchAttendance(lessonId, { date: draft.date, startTime: draft.startTime, endTime: draft.endTime }).then(
      ({ attendees }) => {
        setMinutesOnline(new Map(attendees.map((a) => [a.id, a.minutesPresent ?? 0])))
        setExtraPeople((current) => attendeeChoices(current, attendees))
        setDraft((current) => withAttendance(current, attendees))
        setMessage(
          attendees.length === 0
            ? '这段时间没有人在线打开共享导学案'
            : `已勾选这段时间在线的 ${attendees.length} 位老师`,
        )
      },
      (failure: unknown) => setMessage(failureText(failure, '读取在线记录失败')),
    )

  // A new record starts with whoever had the shared 导学案 open during the meeting already ticked: once, for
  // the default time; after changing the time the teacher asks again with the button.
  const fillOnOpen = useEffectEvent(() => {
    if (!editing) void fillFromPresence()
  })
  useEffect(() => fillOnOpen(), [])

  const save = async () => {
    if (problem) return
    setSaving(true)
    setMessage(null)
    try {
      onSaved(editing ? await updateMeeting(editing.id, draft) : await createMeeting(lessonId, draft))
    } catch (failure) {
      setMessage(failureText(failure, '保存失败'))
    } finally {
      setSaving(false)
    }
  }

  return (
    <form
      className="meeting-form"
      data-testid="meeting-form"
      onSubmit={(event) => {
        event.preventDefault()
        void save()
      }}
    >
      <div className="meeting-form-row">
        <label>
          日期
          <input
            type="date"
            value={draft.date}
            onChange={(e) => set('date', e.target.value)}
            data-testid="meeting-date"
            required
          />
        </label>
        <label>
          开始
          <input
            type="time"
            value={draft.startTime}
            onChange={(e) => set('startTime', e.target.value)}
            data-testid="meeting-start"
            required
          />
        </label>
        <label>
          结束
          <input
            type="time"
            value={draft.endTime}
            onChange={(e) => set('endTime', e.target.value)}
            data-testid="meeting-end"
            required
          />
        </label>
        <label className="meeting-form-wide">
          地点
          <input
            value={draft.place}
            onChange={(e) => set('place', e.target.value)}
            maxLength={60}
            data-testid="meeting-place"
          />
        </label>
      </div>
      <div className="meeting-form-row">
        <label className="meeting-form-wide">
          课题 / 专题
          <input
            value={draft.topic}
            onChange={(e) => set('topic', e.target.value)}
            maxLength={100}
            data-testid="meeting-topic"
            required
          />
        </label>
        <label>
          主讲人
          <select
            value={draft.presenterId}
            onChange={(e) => set('presenterId', e.target.value)}
            data-testid="meeting-presenter"
          >
            {choices.map((person) => (
              <option key={person.id} value={person.id}>
                {person.displayName}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="meeting-attendees">
        <legend>参加人员</legend>
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setMessage(null)
            void fillFromPresence()
          }}
          data-testid="meeting-prefill"
        >
          按在线记录勾选
        </button>
        <span className="muted">（这段时间打开过共享导学案的老师）</span>
        <div className="meeting-attendee-list">
          {choices.map((person) => (
            <label key={person.id} data-testid="meeting-attendee" data-user={person.id}>
              <input
                type="checkbox"
                checked={draft.attendeeIds.includes(person.id)}
                onChange={() => toggleAttendee(person.id)}
              />
              {person.displayName}
              {minutesOnline.has(person.id) && <span className="muted">在线 {minutesOnline.get(person.id)} 分钟</span>}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="meeting-text">
        讨论纪要
        <textarea
          value={draft.summary}
          onChange={(e) => set('summary', e.target.value)}
          rows={6}
          data-testid="meeting-summary"
          placeholder="主讲人说课要点，同组老师的质疑和建议……"
        />
      </label>
      <label className="meeting-text">
        形成共识 / 决定
        <textarea
          value={draft.decisions}
          onChange={(e) => set('decisions', e.target.value)}
          rows={4}
          data-testid="meeting-decisions"
          placeholder="例如：例2改用较小的数；当堂检测增加一道应用题。"
        />
      </label>
      <div className="work-actions">
        <button type="submit" className="primary" disabled={saving || problem !== null} data-testid="meeting-save">
          {editing ? '保存修改' : '保存记录'}
        </button>
        <button type="button" className="link-button" onClick={onCancel}>
          取消
        </button>
        {problem && <span className="refusal">{problem}</span>}
        {message && (
          <span className="muted" role="status" data-testid="meeting-message">
            {message}
          </span>
        )}
      </div>
    </form>
  )
}
