/**
 * 来源 and 被引用 of a lesson (LIBRARY-4, LIBRARY-5): the 定稿 its draft was started from, and the
 * lessons started from its own 定稿. Shows nothing while there is neither.
 */
import { useQuery } from '@tanstack/react-query'
import { semesterShortName } from '../../../shared/library/lineage.ts'
import { stageLabels } from '../../../shared/workflow/stages.ts'
import { queries } from '../api/queries.ts'
import { hrefFor } from '../routing.ts'
import { dateText } from '../time-text.ts'
import './library.css'

export function LineagePanel({ lessonId }: { lessonId: string }) {
  const { data } = useQuery(queries.lineage(lessonId))
  if (!data || (data.source === null && data.builtOn.length === 0)) return null
  const { source, builtOn } = data
  return (
    <section className="work-panel" data-testid="lineage" aria-labelledby="lineage-title">
      <h2 id="lineage-title">来源与引用</h2>
      {source && (
        <p className="lineage-source" data-testid="lineage-source">
          <a href={hrefFor({ page: 'version', versionId: source.versionId })} data-testid="lineage-source-link">
            {source.label}
          </a>
          <span className="muted">
            {' '}
            （{source.startedBy.displayName} 于 {dateText(source.startedAt)} 以此为底稿）
          </span>
        </p>
      )}
      {builtOn.length > 0 && (
        <>
          <h3>被引用（{builtOn.length}）</h3>
          <ul data-testid="lineage-built-on">
            {builtOn.map((lesson) => (
              <li key={lesson.lessonId} data-testid="built-on-lesson">
                <a href={hrefFor({ page: 'lesson', lessonId: lesson.lessonId })}>{lesson.title}</a>
                <span className="muted">
                  {' '}
                  {semesterShortName(lesson.semester)} {lesson.groupName}，{lesson.leadPreparer.displayName} 以
                  {lesson.versionName}为底稿 · {stageLabels[lesson.stage]}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
