/** Two 定稿 versions compared: what the later one added, removed and changed. */
import { useQuery } from '@tanstack/react-query'
import { queries } from '../api/queries.ts'
import { BackLink } from './BackLink.tsx'
import { ComparisonBody } from './ComparisonBody.tsx'
import './lesson-work.css'

interface VersionComparePageProps {
  lessonId: string
  from: string
  to: string
}

export function VersionComparePage({ lessonId, from, to }: VersionComparePageProps) {
  const { data, error } = useQuery(queries.versionComparison(lessonId, from, to))
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
      <ComparisonBody changes={data.changes} changeCount={data.changeCount} />
    </main>
  )
}
