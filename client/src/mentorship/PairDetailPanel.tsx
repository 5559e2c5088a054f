/** One pair in the semester: the mentor's annotations (each opens the document at its thread) and 听课记录. */
import type { Me } from '../../../shared/api.ts'
import type { NewPairInput } from '../../../shared/api/mentorship.ts'
import { useQuery } from '@tanstack/react-query'
import { queries } from '../api/queries.ts'
import { ObservationForm } from './ObservationForm.tsx'
import { ObservationItem } from './ObservationItem.tsx'
import { PairAnnotationItem } from './PairAnnotationItem.tsx'
import { dateText } from '../time-text.ts'

interface PairDetailPanelProps {
  pair: NewPairInput
  semester: string
  me: Me
  /** A 听课记录 was added: the pair's counts in the list above change too. */
  onChanged: () => void
}

export function PairDetailPanel({ pair, semester, me, onChanged }: PairDetailPanelProps) {
  const { data, error } = useQuery(queries.pair(pair, semester))
  if (!data)
    return error ? (
      <p className="work-error" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="muted">正在加载……</p>
    )

  const other = me.id === data.mentor.id ? data.apprentice : me.id === data.apprentice.id ? data.mentor : null
  return (
    <section className="work-panel" data-testid="pair-detail" aria-labelledby="pair-title">
      <h2 id="pair-title">
        {data.mentor.displayName}（师傅）· {data.apprentice.displayName}（徒弟）
      </h2>
      <p className="muted">
        {pairedText(data.pairedBy?.displayName ?? null, data.pairedAt)}
        {data.semester}：批注 {data.counts.annotations} 条，已解决 {data.counts.resolved} 条，听课{' '}
        {data.counts.observed} 节
      </p>

      <h3>师傅的批注</h3>
      {data.annotations.length === 0 ? (
        <p className="muted">这个学期师傅还没有在徒弟的文档里批注。</p>
      ) : (
        <ul className="pair-annotations">
          {data.annotations.map((annotation) => (
            <PairAnnotationItem key={`${annotation.documentId}/${annotation.threadId}`} annotation={annotation} />
          ))}
        </ul>
      )}

      <h3>听课记录</h3>
      {data.observations.length === 0 ? (
        <p className="muted">这个学期还没有听课记录。</p>
      ) : (
        <ul className="pair-observations" data-testid="observation-list">
          {data.observations.map((observation) => (
            <ObservationItem key={observation.id} observation={observation} />
          ))}
        </ul>
      )}
      {other && <ObservationForm observed={other} onRecorded={onChanged} />}
    </section>
  )
}

function pairedText(by: string | null, at: string | null): string {
  const date = at ? dateText(at) : null
  if (by && date) return `${date}由${by}安排结对 · `
  if (date) return `${date}结对 · `
  return ''
}
