/**
 * The home page's own-work sections (LIBRARY-6): 我的任务 from the plan, then what the teacher writes,
 * their 二次备课 and their 反思, each shown even while empty so the page keeps its shape all semester.
 */
import { useQuery } from '@tanstack/react-query'
import type { DocumentSummary } from '../../../shared/api.ts'
import { myWork } from '../../../shared/library/my-work.ts'
import { unfinishedStages } from '../../../shared/workflow/lesson-schedule.ts'
import { queries } from '../api/queries.ts'
import { lessonHref } from '../lessons/lesson-routes.ts'
import { scheduleText } from '../lessons/plan-calendar.ts'
import { OverdueFlag, StageBadge } from '../lessons/StageBadge.tsx'
import { hrefFor } from '../routing.ts'

export function MyWork({ documents, planner }: { documents: readonly DocumentSummary[]; planner: boolean }) {
  const work = myWork(documents)
  return (
    <div className="my-work">
      {planner && <MyTasks />}
      <WorkSection title="我在写的" testId="my-writing" empty="现在没有你可以修改的导学案。" documents={work.writing} />
      <WorkSection
        title="我的二次备课"
        testId="my-adaptations"
        empty="还没有二次备课。定稿之后，在课的页面上开始二次备课。"
        documents={work.adaptations}
      />
      <WorkSection
        title="我的反思"
        testId="my-reflections"
        empty="还没有课后反思。上完课后，在课的页面上写反思。"
        documents={work.reflections}
      />
    </div>
  )
}

function MyTasks() {
  const { data } = useQuery(queries.assignments())
  const open = (data ?? []).filter((lesson) => unfinishedStages.includes(lesson.stage))
  return (
    <section className="document-group" data-testid="my-tasks">
      <h2>
        我的任务{data ? `（${open.length}）` : ''}
        <a className="group-plan-link" href={lessonHref({ page: 'assignments' })}>
          全部主备任务
        </a>
      </h2>
      {!data ? (
        <p className="muted">正在加载……</p>
      ) : open.length === 0 ? (
        <p className="muted">没有待完成的主备任务。</p>
      ) : (
        <ul>
          {open.map((lesson) => (
            <li key={lesson.id}>
              <a href={lessonHref({ page: 'lesson', lessonId: lesson.id })} data-testid="my-task-link">
                {lesson.title}
              </a>
              <span className="muted">截止：{scheduleText(lesson)}</span>
              <StageBadge stage={lesson.stage} />
              {lesson.overdue && <OverdueFlag />}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

function WorkSection(props: { title: string; testId: string; empty: string; documents: readonly DocumentSummary[] }) {
  const { title, testId, empty, documents } = props
  return (
    <section className="document-group" data-testid={testId}>
      <h2>
        {title}（{documents.length}）
      </h2>
      {documents.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {documents.map((document) => (
            <li key={document.id}>
              <a
                href={
                  document.kind === 'adaptation'
                    ? hrefFor({ page: 'adaptation', documentId: document.id })
                    : hrefFor({ page: 'editor', documentId: document.id })
                }
                data-testid="my-work-link"
              >
                {document.title}
              </a>
              <span className="muted">{document.groupName}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
