/** The 备课计划 as a table: 课题, 课型, 课时, 日期时间, 地点, 主备人, 阶段, 已逾期; edit and delete for the leader. */
import type { LessonSummary } from '../../../shared/api/lessons.ts'
import type { Decision } from '../../../shared/workflow/lesson-rules.ts'
import { lessonHref } from './lesson-routes.ts'
import { scheduleText } from './plan-calendar.ts'
import { OverdueFlag, StageBadge } from './StageBadge.tsx'

interface PlanListProps {
  lessons: readonly LessonSummary[]
  /** Null for users who may not plan: they get no row actions. */
  actions: null | {
    canDelete(lesson: LessonSummary): Decision
    onEdit(lesson: LessonSummary): void
    onDelete(lesson: LessonSummary): void
  }
}

export function PlanList({ lessons, actions }: PlanListProps) {
  if (lessons.length === 0) return <p className="muted">这个学期还没有安排课。</p>
  return (
    <table className="plan-table" data-testid="plan-list">
      <thead>
        <tr>
          <th>课题</th>
          <th>课型</th>
          <th>课时</th>
          <th>日期时间</th>
          <th>地点</th>
          <th>主备人</th>
          <th>阶段</th>
          {actions && <th aria-label="操作" />}
        </tr>
      </thead>
      <tbody>
        {lessons.map((lesson) => {
          const deletion = actions?.canDelete(lesson)
          return (
            <tr
              key={lesson.id}
              data-testid="plan-row"
              data-lesson-id={lesson.id}
              className={lesson.overdue ? 'is-overdue' : undefined}
            >
              <td>
                <a href={lessonHref({ page: 'lesson', lessonId: lesson.id })} data-testid="lesson-link">
                  {lesson.title}
                </a>
              </td>
              <td>{lesson.lessonType}</td>
              <td>第{lesson.period}课时</td>
              <td className="nowrap">{scheduleText(lesson)}</td>
              <td>{lesson.place}</td>
              <td data-testid="plan-lead-preparer-name">{lesson.leadPreparer.displayName}</td>
              <td className="nowrap">
                <StageBadge stage={lesson.stage} />
                {lesson.overdue && <OverdueFlag />}
              </td>
              {actions && deletion && (
                <td className="nowrap">
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => actions.onEdit(lesson)}
                    data-testid="plan-edit"
                  >
                    修改
                  </button>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => actions.onDelete(lesson)}
                    disabled={!deletion.allowed}
                    title={deletion.allowed ? undefined : deletion.reason}
                    data-testid="plan-delete"
                  >
                    删除
                  </button>
                </td>
              )}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
