/**
 * 资源库: every finished plan the teacher may read, across years and groups, by 学科 → 年级 → 单元 →
 * 课题 (docs/LIBRARY.md, LIBRARY-2, LIBRARY-12). Each plan opens at its latest 定稿, from where it can be taken as 底稿.
 */
import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import type { LibraryPlan } from '../../../shared/api/library.ts'
import { filterLibraryTree, libraryTree } from '../../../shared/library/library-tree.ts'
import { semesterShortName } from '../../../shared/library/lineage.ts'
import { queries } from '../api/queries.ts'
import { hrefFor } from '../routing.ts'
import { LibraryFilters, noFilter } from './LibraryFilters.tsx'
import './library.css'

export function LibraryPage() {
  const { data, error } = useQuery(queries.library())
  const [filter, setFilter] = useState(noFilter)
  const tree = useMemo(() => libraryTree(data?.plans ?? []), [data])

  if (!data)
    return error ? (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="page-message">正在加载资源库……</p>
    )

  const shown = filterLibraryTree(tree, filter)

  return (
    <main className="library-page" data-testid="library-page">
      <h1>资源库</h1>
      <p className="muted">全校各备课组历年定稿的导学案。打开一份定稿，可以“以此为底稿”开始自己的初稿。</p>
      <LibraryFilters
        tree={tree}
        filter={filter}
        onChange={setFilter}
        testIds={{ subject: 'library-subject', grade: 'library-grade', words: 'library-topic-filter' }}
      />
      {shown.length === 0 && (
        <p className="muted">{data.plans.length === 0 ? '还没有定稿的导学案。' : '没有符合条件的定稿。'}</p>
      )}
      {shown.map((node) => (
        <section key={node.subject} className="library-subject" data-testid="library-subject-section">
          <h2>{node.subject}</h2>
          {node.grades.map((entry) => (
            <section key={entry.grade} className="library-grade">
              <h3>{entry.grade}</h3>
              {entry.units.map((unit) => (
                <section key={unit.unit} className="library-unit" data-testid="library-unit">
                  <h4 data-testid="library-unit-name">{unit.unit}</h4>
                  <ul className="library-topics">
                    {unit.topics.map((topic) => (
                      <li key={topic.title} data-testid="library-topic">
                        <span className="library-topic-title">{topic.title}</span>
                        <ul>
                          {topic.plans.map((plan) => (
                            <PlanItem key={plan.lessonId} plan={plan} />
                          ))}
                        </ul>
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </section>
          ))}
        </section>
      ))}
    </main>
  )
}

function PlanItem({ plan }: { plan: LibraryPlan }) {
  return (
    <li data-testid="library-plan" data-lesson-id={plan.lessonId}>
      <a href={hrefFor({ page: 'version', versionId: plan.latestVersion.id })} data-testid="library-plan-link">
        {semesterShortName(plan.semester)} {plan.groupName} {plan.latestVersion.name}
      </a>
      <span className="muted">
        主备：{plan.leadPreparer.displayName} · {plan.lessonType} · 第{plan.period}课时
      </span>
      <a href={hrefFor({ page: 'lesson', lessonId: plan.lessonId })} className="library-lesson-link">
        这节课
      </a>
    </li>
  )
}
