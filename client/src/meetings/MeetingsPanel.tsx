/**
 * The lesson page's 集体备课记录 panel: the records of the lesson's review meetings, to read, print and,
 * for the leader and the 主备人, to write and correct.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import type { LessonDetail } from '../../../shared/api/lessons.ts'
import type { MeetingRecordView } from '../../../shared/api/meetings.ts'
import { queries } from '../api/queries.ts'
import { hrefFor } from '../routing.ts'
import { MeetingForm } from './MeetingForm.tsx'
import '../versions/lesson-work.css'
import './meetings.css'
import { calendarDayText } from '../time-text.ts'

export function MeetingsPanel({ detail }: { detail: LessonDetail }) {
  const lessonId = detail.lesson.id
  // A stage move may close the records (归档): the lesson page makes them stale with every move.
  const queryClient = useQueryClient()
  const { data, error } = useQuery(queries.meetings(lessonId))
  /** The record being written: `new`, a record's id, or null when none is. */
  const [editing, setEditing] = useState<string | null>(null)

  const saved = () => {
    setEditing(null)
    void queryClient.invalidateQueries(queries.meetings(lessonId))
  }

  return (
    <section className="work-panel" data-testid="meetings-panel" aria-labelledby="meetings-title">
      <h2 id="meetings-title">集体备课记录</h2>
      {error && (
        <p className="work-error" role="alert">
          {error.message}
        </p>
      )}
      {data && (
        <>
          {data.meetings.length === 0 && editing !== 'new' && (
            <p className="muted">
              还没有集体备课记录。研讨会后由组长或主备人填写：时间、地点、主讲人、参加人员、讨论纪要和形成的共识。
            </p>
          )}
          <ul>
            {data.meetings.map((meeting) =>
              editing === meeting.id ? (
                <li key={meeting.id}>
                  <MeetingForm
                    lessonId={lessonId}
                    meetings={data}
                    editing={meeting}
                    onSaved={saved}
                    onCancel={() => setEditing(null)}
                  />
                </li>
              ) : (
                <MeetingRow
                  key={meeting.id}
                  meeting={meeting}
                  canEdit={data.record.allowed}
                  onEdit={() => setEditing(meeting.id)}
                />
              ),
            )}
          </ul>
          {editing === 'new' && (
            <MeetingForm
              lessonId={lessonId}
              meetings={data}
              editing={null}
              onSaved={saved}
              onCancel={() => setEditing(null)}
            />
          )}
          <div className="work-actions">
            {data.record.allowed ? (
              editing === null && (
                <button type="button" className="primary" onClick={() => setEditing('new')} data-testid="new-meeting">
                  新建集体备课记录
                </button>
              )
            ) : (
              <span className="refusal" data-testid="meeting-refusal">
                {data.record.reason}
              </span>
            )}
          </div>
        </>
      )}
    </section>
  )
}

function MeetingRow({
  meeting,
  canEdit,
  onEdit,
}: {
  meeting: MeetingRecordView
  canEdit: boolean
  onEdit: () => void
}) {
  return (
    <li className="meeting-row" data-testid="meeting-row" data-meeting={meeting.id}>
      <div className="meeting-row-head">
        <strong>{calendarDayText(meeting.date)}</strong>
        <span>
          {meeting.startTime}–{meeting.endTime}
        </span>
        {meeting.place && <span className="muted">{meeting.place}</span>}
        <span>主讲人：{meeting.presenter.displayName}</span>
        <span className="muted" data-testid="meeting-attendee-count">
          参加 {meeting.attendees.length} 人
        </span>
        <a href={hrefFor({ page: 'meetingSheet', meetingId: meeting.id })} data-testid="print-meeting">
          查看 / 打印
        </a>
        {canEdit && (
          <button type="button" className="link-button" onClick={onEdit} data-testid="edit-meeting">
            修改
          </button>
        )}
      </div>
      {meeting.decisions && <p className="meeting-decisions">共识：{meeting.decisions}</p>}
    </li>
  )
}
