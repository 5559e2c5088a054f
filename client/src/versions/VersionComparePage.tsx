/** Two 定稿 versions compared: what the later one added, removed and changed. */
import { useQuery } from '@tanstack/react-query'
import { queries } from '../api/queries.ts'
import { BackLink } from './BackLink.tsx'
import { BlockDiff } from './BlockDiff.tsx'
import { useState } from 'react'
import './lesson-work.css'

interface VersionComparePageProps {
  lessonId: string
  from: string
  to: string
}

export function VersionComparePage({ lessonId, from, to }: VersionComparePageProps) {
  const { data, error } = useQuery(queries.versionComparison(lessonId, from, to))
  const [changesOnly, setChangesOnly] = useState(false)
  if (!data)
    return error ? (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="page-message">正在比较……</p>
    )
  return (
    <main className="work-page" data-testid="version-compare-page">
      <BackLink lessonId={lessonId} />
      <h1>
        {data.from.name} → {data.to.name}
      </h1>
      <p className="muted">
        共{' '}
        <span className="count-badge" data-testid="compare-count">
          {data.changeCount} 处改动
        </span>
        <label className="no-print">
          <input type="checkbox" checked={changesOnly} onChange={(event) => setChangesOnly(event.target.checked)} />{' '}
          只看改动
        </label>
      </p>
      <BlockDiff changes={data.changes} changesOnly={changesOnly} />
    </main>
  )
}
