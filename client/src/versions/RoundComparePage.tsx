/**
 * Two 磨课 rounds compared (LIBRARY-9): what the later round changed in the plan, as 定稿 versions are
 * compared; a round in progress is the shared plan as it is now.
 */
import { useQuery } from '@tanstack/react-query'
import type { RoundSummary } from '../../../shared/api/rounds.ts'
import { queries } from '../api/queries.ts'
import { BackLink } from './BackLink.tsx'
import { ComparisonBody } from './ComparisonBody.tsx'
import './lesson-work.css'

interface RoundComparePageProps {
  lessonId: string
  from: number
  to: number
}

/** 第一轮（定稿 v1）, 第二轮（进行中） */
export function roundTitle(round: RoundSummary): string {
  return `${round.name}（${round.version ? round.version.name : '进行中'}）`
}

export function RoundComparePage({ lessonId, from, to }: RoundComparePageProps) {
  const { data, error } = useQuery(queries.roundComparison(lessonId, from, to))
  if (!data)
    return error ? (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="page-message">正在比较……</p>
    )
  return (
    <main className="work-page" data-testid="round-compare-page">
      <BackLink lessonId={lessonId} />
      <h1>
        {roundTitle(data.from)} → {roundTitle(data.to)}
      </h1>
      {data.to.version === null && (
        <p className="muted" data-testid="round-in-progress">
          {data.to.name}还没有定稿，这里对比的是共享导学案现在的内容。
        </p>
      )}
      <ComparisonBody changes={data.changes} changeCount={data.changeCount} />
    </main>
  )
}
