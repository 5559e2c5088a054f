/** The 备课计划 by week, Monday to Sunday, this week marked. */
import type { LessonSummary } from '../../../shared/api/lessons.ts'
import { lessonHref } from './lesson-routes.ts'
import { calendarWeeks } from './plan-calendar.ts'
import { OverdueFlag, StageBadge } from './StageBadge.tsx'

export function PlanCalendar({ lessons, today }: { lessons: readonly LessonSummary[]; today: string }) {
  return (
    <div className="plan-calendar" data-testid="plan-calendar">
      {calendarWeeks(lessons, today).map((week) => (
        <div key={week.monday} className="calendar-week" data-testid="calendar-week" data-monday={week.monday}>
          {week.days.map((day) => (
            <div key={day.date} className={`calendar-day${day.date === today ? ' is-today' : ''}`}>
              <div className="calendar-date">
                {day.weekday} {Number(day.date.slice(5, 7))}/{Number(day.date.slice(8, 10))}
              </div>
              {day.lessons.map((lesson) => (
                <a
                  key={lesson.id}
                  className={`calendar-lesson stage-edge-${lesson.stage}`}
                  href={lessonHref({ page: 'lesson', lessonId: lesson.id })}
                  data-testid="calendar-lesson"
                >
                  <span className="calendar-time">{lesson.scheduledTime ?? ''}</span>
                  <span className="calendar-title">{lesson.title}</span>
                  <span className="calendar-meta">
                    {lesson.leadPreparer.displayName} · <StageBadge stage={lesson.stage} />
                    {lesson.overdue && <OverdueFlag />}
                  </span>
                </a>
              ))}
            </div>
          ))}
        </div>
      ))}
    </div>
  )
}
