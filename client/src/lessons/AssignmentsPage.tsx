/** 我的任务: the lessons I prepare as 主备人, what is still to do first, with when it is due. */
import { useQuery } from '@tanstack/react-query'
import type { Assignment } from '../../../shared/api/lessons.ts'
import { unfinishedStages } from '../../../shared/workflow/lesson-schedule.ts'
import { queries } from '../api/queries.ts'
import { hrefFor } from '../routing.ts'
import { lessonHref } from './lesson-routes.ts'
import { scheduleText } from './plan-calendar.ts'
import { OverdueFlag, StageBadge } from './StageBadge.tsx'
import './lessons.css'

export function AssignmentsPage() {
  const { data, error } = useQuery(queries.assignments())
  if (error && !data)
    return (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    )
  if (!data) return <p className="page-message">正在加载我的任务……</p>
  const open = data.filter((lesson) => unfinishedStages.includes(lesson.stage))
  const done = data.filter((lesson) => !unfinishedStages.includes(lesson.stage))
  return (
    <main className="lesson-page" data-testid="assignments-page">
      <h1>我的任务</h1>
      <p className="muted">我担任主备人的课：定稿之前要写好初稿、参加研讨并修改。</p>
      <section className="work-panel">
        <h2>待完成（{open.length}）</h2>
        {open.length === 0 ? <p className="muted">没有待完成的主备任务。</p> : <AssignmentList lessons={open} />}
      </section>
      {done.length > 0 && (
        <section className="work-panel">
          <h2>已定稿（{done.length}）</h2>
          <AssignmentList lessons={done} />
        </section>
      )}
    </main>
  )
}

function AssignmentList({ lessons }: { lessons: readonly Assignment[] }) {
  return (
    <ul>
      {lessons.map((lesson) => (
        <li key={lesson.id} data-testid="assignment" data-lesson-id={lesson.id}>
          <a href={lessonHref({ page: 'lesson', lessonId: lesson.id })} data-testid="assignment-link">
            {lesson.title}
          </a>
          <span className="muted">{lesson.groupName}</span>
          <span>截止：{scheduleText(lesson)}</span>
          <StageBadge stage={lesson.stage} />
          {lesson.overdue && <OverdueFlag />}
          <a href={hrefFor({ page: 'editor', documentId: lesson.documentId })} data-testid="assignment-document">
            打开导学案
          </a>
        </li>
      ))}
    </ul>
  )
}
