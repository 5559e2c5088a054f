/**
 * One 集体备课记录 laid out like the paper 集体备课记录表 schools file (A4): the 四定 (time, place, topic,
 * 主讲人), who attended and who was absent, 讨论纪要, 形成共识, and blank lines for the signatures of the
 * leader and of the office's check (有记录、有检查).
 */
import { useQuery } from '@tanstack/react-query'
import { queries } from '../api/queries.ts'
import { ExportLinks } from '../export/ExportLinks.tsx'
import { BackLink } from '../versions/BackLink.tsx'
import '../versions/lesson-work.css'
import '../meetings/meetings.css'
import { calendarDayText, dateTimeText } from '../time-text.ts'

export function MeetingSheetPage({ meetingId }: { meetingId: string }) {
  const { data, error } = useQuery(queries.meetingSheet(meetingId))
  if (!data)
    return error ? (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="page-message">正在加载……</p>
    )
  const { meeting, lesson, groupName, absent } = data
  const names = (people: readonly { displayName: string }[]) =>
    people.map((person) => person.displayName).join('、') || '无'

  return (
    <main className="meeting-sheet-page" data-testid="meeting-sheet">
      <div className="meeting-sheet-actions no-print">
        <BackLink lessonId={lesson.id} />
        <button type="button" className="primary" onClick={() => window.print()} data-testid="print-sheet">
          打印
        </button>
        <ExportLinks source="meetings" id={meetingId} editions={['teacher']} />
      </div>
      <article className="meeting-sheet">
        <h1>集体备课记录表</h1>
        <p className="meeting-sheet-caption">
          <span>备课组：{groupName}</span>
          <span>{lesson.semester}</span>
        </p>
        <table>
          <colgroup>
            <col className="meeting-sheet-label" />
            <col />
            <col className="meeting-sheet-label" />
            <col />
          </colgroup>
          <tbody>
            <tr>
              <th scope="row">时间</th>
              <td data-testid="sheet-time">
                {calendarDayText(meeting.date)} {meeting.startTime}–{meeting.endTime}
              </td>
              <th scope="row">地点</th>
              <td>{meeting.place}</td>
            </tr>
            <tr>
              <th scope="row">课题 / 专题</th>
              <td data-testid="sheet-topic">{meeting.topic}</td>
              <th scope="row">课型 · 课时</th>
              <td>
                {lesson.lessonType} · 第{lesson.period}课时
              </td>
            </tr>
            <tr>
              <th scope="row">主讲人</th>
              <td data-testid="sheet-presenter">{meeting.presenter.displayName}</td>
              <th scope="row">记录人</th>
              <td>{meeting.createdBy.displayName}</td>
            </tr>
            <tr>
              <th scope="row">参加人员</th>
              <td colSpan={3} data-testid="sheet-attendees">
                {names(meeting.attendees)}
              </td>
            </tr>
            <tr>
              <th scope="row">缺席人员</th>
              <td colSpan={3} data-testid="sheet-absent">
                {names(absent)}
              </td>
            </tr>
            <tr className="meeting-sheet-tall">
              <th scope="row">讨论纪要</th>
              <td colSpan={3} data-testid="sheet-summary">
                {meeting.summary}
              </td>
            </tr>
            <tr className="meeting-sheet-tall">
              <th scope="row">形成共识 / 决定</th>
              <td colSpan={3} data-testid="sheet-decisions">
                {meeting.decisions}
              </td>
            </tr>
            <tr className="meeting-sheet-signatures">
              <th scope="row">组长签字</th>
              <td />
              <th scope="row">检查人签字</th>
              <td />
            </tr>
          </tbody>
        </table>
        <p className="meeting-sheet-footer">
          最后修改：{meeting.updatedBy.displayName} {dateTimeText(meeting.updatedAt)}
        </p>
      </article>
    </main>
  )
}
