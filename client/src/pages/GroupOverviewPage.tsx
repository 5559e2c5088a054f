/**
 * The group page: one 备课组's semester at a glance, for the group and for the office (教导处), who may
 * pick any group of the school. What stage each lesson is in, what is late, and per teacher the counts
 * the office checks.
 */
import { useQuery } from '@tanstack/react-query'
import { Fragment, useState } from 'react'
import { queries } from '../api/queries.ts'
import type { GroupOverview, OverviewLesson } from '../../../shared/api/group-overview.ts'
import { stageLabels } from '../../../shared/workflow/stages.ts'
import { hrefFor, navigate } from '../routing.ts'
import { TeacherWorkList, type WorkColumn, workColumns } from './TeacherWorkList.tsx'
import '../versions/lesson-work.css'
import '../meetings/meetings.css'

interface GroupOverviewPageProps {
  groupId?: string
  semester?: string
}

export function GroupOverviewPage({ groupId, semester }: GroupOverviewPageProps) {
  const { data, error } = useQuery(queries.groupOverview({ groupId, semester }))
  if (!data)
    return error ? (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="page-message">正在加载……</p>
    )

  const show = (next: { groupId: string; semester?: string }) => navigate({ page: 'groupOverview', ...next })

  return (
    <main className="overview-page" data-testid="group-overview">
      <header className="overview-head">
        <h1>备课组概况</h1>
        {data.groups.length > 1 ? (
          <label>
            备课组{' '}
            <select
              value={data.group.id}
              onChange={(e) => show({ groupId: e.target.value })}
              data-testid="overview-group"
            >
              {data.groups.map((group) => (
                <option key={group.id} value={group.id}>
                  {group.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <strong data-testid="overview-group-name">{data.group.name}</strong>
        )}
        <label>
          学期{' '}
          <select
            value={data.semester}
            onChange={(e) => show({ groupId: data.group.id, semester: e.target.value })}
            data-testid="overview-semester"
          >
            {data.semesters.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </header>

      <ul className="overview-stages" aria-label="各阶段课数">
        {data.stages.map((stage) => (
          <li key={stage.stage} data-testid="stage-count" data-stage={stage.stage} data-count={stage.lessons.length}>
            <strong>{stage.lessons.length}</strong>
            {stage.label}
          </li>
        ))}
      </ul>

      <LateLessons lessons={data.late} />
      <TeacherTable overview={data} />
      <LessonsByStage overview={data} />
    </main>
  )
}

function LateLessons({ lessons }: { lessons: readonly OverviewLesson[] }) {
  return (
    <section className="work-panel" data-testid="late-lessons" aria-labelledby="late-title">
      <h2 id="late-title">逾期未定稿（{lessons.length}）</h2>
      {lessons.length === 0 ? (
        <p className="muted">没有逾期的课。</p>
      ) : (
        <table className="overview-table overview-lessons">
          <thead>
            <tr>
              <th>日期</th>
              <th>课题</th>
              <th>主备人</th>
              <th>阶段</th>
            </tr>
          </thead>
          <tbody>
            {lessons.map((lesson) => (
              <tr key={lesson.id} className="overview-late" data-testid="late-lesson">
                <td>{dateText(lesson)}</td>
                <td>
                  <LessonLink lesson={lesson} />
                </td>
                <td>{lesson.leadPreparer.displayName}</td>
                <td>{stageLabels[lesson.stage]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}

function TeacherTable({ overview }: { overview: GroupOverview }) {
  const { teachers, totals } = overview
  // One list open at a time, under its teacher's row: the office goes through the table count by count.
  const [shown, setShown] = useState<{ teacherId: string; column: WorkColumn } | null>(null)
  const columns = Object.keys(workColumns) as WorkColumn[]
  return (
    <section className="work-panel" data-testid="teacher-counts" aria-labelledby="teachers-title">
      <h2 id="teachers-title">教师统计</h2>
      <table className="overview-table">
        <thead>
          <tr>
            <th>教师</th>
            <th className="number">主备</th>
            <th className="number">二次备课</th>
            <th className="number">个人加减（处）</th>
            <th className="number">课后反思</th>
            <th className="number">批注</th>
          </tr>
        </thead>
        <tbody>
          {teachers.map((row) => {
            const open = shown?.teacherId === row.teacher.id ? shown.column : null
            const listId = `teacher-work-${row.teacher.id}`
            return (
              <Fragment key={row.teacher.id}>
                <tr data-testid="teacher-row" data-teacher={row.teacher.displayName}>
                  <td>{row.teacher.displayName}</td>
                  {columns.map((column) => (
                    <td key={column} className="number" data-column={column}>
                      {row[column] === 0 ? (
                        0
                      ) : (
                        <button
                          type="button"
                          className="link-button count-button"
                          aria-expanded={open === column}
                          aria-controls={open === column ? listId : undefined}
                          title={`查看${row.teacher.displayName}${workColumns[column].title}`}
                          onClick={() => setShown(open === column ? null : { teacherId: row.teacher.id, column })}
                          data-testid="count-button"
                        >
                          {row[column]}
                        </button>
                      )}
                    </td>
                  ))}
                </tr>
                {open && (
                  <tr className="teacher-work-row">
                    <td colSpan={columns.length + 1}>
                      <TeacherWorkList
                        id={listId}
                        teacherName={row.teacher.displayName}
                        column={open}
                        work={row.work}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            )
          })}
        </tbody>
        <tfoot>
          <tr data-testid="teacher-totals">
            <td>合计</td>
            <td className="number">{totals.leadPrepared}</td>
            <td className="number">{totals.adaptations}</td>
            <td className="number">{totals.adaptationChanges}</td>
            <td className="number">{totals.reflections}</td>
            <td className="number">{totals.comments}</td>
          </tr>
        </tfoot>
      </table>
      <p className="overview-note">
        只统计本学期的课。点一个数字，可以看到它统计的是哪些课和文档。二次备课的「个人加减」是相对所依据定稿版本的改动处数；批注数包括发起的批注和回复，各算一条。
      </p>
    </section>
  )
}

function LessonsByStage({ overview }: { overview: GroupOverview }) {
  const stages = overview.stages.filter((stage) => stage.lessons.length > 0)
  return (
    <section className="work-panel" data-testid="lessons-by-stage" aria-labelledby="lessons-title">
      <h2 id="lessons-title">各阶段的课</h2>
      {stages.length === 0 && <p className="muted">这个学期还没有安排课。</p>}
      {stages.map((stage) => (
        <div key={stage.stage} data-testid="stage-lessons" data-stage={stage.stage}>
          <h3>
            {stage.label}（{stage.lessons.length}）
          </h3>
          <table className="overview-table overview-lessons">
            <thead>
              <tr>
                <th>日期</th>
                <th>课题</th>
                <th>主备人</th>
                <th className="number">集体备课记录</th>
                <th className="number">批注（未解决/已解决）</th>
              </tr>
            </thead>
            <tbody>
              {stage.lessons.map((lesson) => (
                <tr key={lesson.id}>
                  <td>{dateText(lesson)}</td>
                  <td>
                    <LessonLink lesson={lesson} />
                    {lesson.overdue && <span className="refusal"> 逾期</span>}
                  </td>
                  <td>{lesson.leadPreparer.displayName}</td>
                  <td className="number">{lesson.meetings}</td>
                  <td
                    className="number"
                    data-testid="lesson-threads"
                    data-open={lesson.threads.open}
                    data-resolved={lesson.threads.resolved}
                  >
                    {lesson.threads.open}/{lesson.threads.resolved}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </section>
  )
}

function LessonLink({ lesson }: { lesson: OverviewLesson }) {
  return <a href={hrefFor({ page: 'lesson', lessonId: lesson.id })}>{lesson.title}</a>
}

function dateText(lesson: OverviewLesson): string {
  return lesson.scheduledTime ? `${lesson.scheduledDate} ${lesson.scheduledTime}` : lesson.scheduledDate
}
