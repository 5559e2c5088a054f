/** One 听课记录 in a pair's detail: date, 课题, who observed whom, the lesson of the 备课计划 it was, its parts. */
import type { ObservationView } from '../../../shared/api/mentorship.ts'
import { hrefFor } from '../routing.ts'

export function ObservationItem({ observation }: { observation: ObservationView }) {
  const parts: [string, string][] = [
    ['听课笔记', observation.notes],
    ['优点', observation.strengths],
    ['问题', observation.problems],
    ['建议', observation.suggestions],
  ]
  return (
    <li data-testid="observation">
      <strong>
        {observation.date} 《{observation.topic}》
      </strong>{' '}
      {observation.observer.displayName}听{observation.observed.displayName}的课
      {observation.lesson && (
        <>
          {' · 备课计划：'}
          <a href={hrefFor({ page: 'lesson', lessonId: observation.lesson.id })} data-testid="observation-lesson-link">
            {observation.lesson.title}
          </a>
        </>
      )}
      <dl className="pair-observation-parts">
        {parts
          .filter(([, text]) => text !== '')
          .map(([label, text]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{text}</dd>
            </div>
          ))}
      </dl>
    </li>
  )
}
