/**
 * 同课异构: two designs of one lesson side by side, section against section, the words only one design
 * of a section has marked.
 */
import { useQuery } from '@tanstack/react-query'
import { queries } from '../api/queries.ts'
import type { ReactNode } from 'react'
import type { BlockShape } from '../../../shared/api/versions.ts'
import { diffWords } from '../../../shared/versions/word-diff.ts'
import { BackLink } from '../versions/BackLink.tsx'
import { headerLabelOf } from '../versions/BlockDiff.tsx'
import { MarkedWords } from '../versions/MarkedWords.tsx'
import '../versions/lesson-work.css'

interface VariantComparePageProps {
  lessonId: string
  left: string
  right: string
}

export function VariantComparePage({ lessonId, left, right }: VariantComparePageProps) {
  const { data, error } = useQuery(queries.variantComparison(lessonId, left, right))
  if (!data)
    return error ? (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="page-message">正在比较……</p>
    )
  return (
    <main className="work-page" data-testid="variant-compare-page">
      <BackLink lessonId={lessonId} />
      <h1>同课异构对比</h1>
      <div className="section-pairs">
        <strong>
          {data.left.title} <span className="muted">{data.left.author.displayName}</span>
        </strong>
        <strong>
          {data.right.title} <span className="muted">{data.right.author.displayName}</span>
        </strong>
        {data.sections.map((pair, index) => (
          <SectionRow key={`${pair.title}-${index}`} title={pair.title || '表头'} left={pair.left} right={pair.right} />
        ))}
      </div>
    </main>
  )
}

function SectionRow({ title, left, right }: { title: string; left: BlockShape[] | null; right: BlockShape[] | null }) {
  const leftText = left && designText(left)
  const rightText = right && designText(right)
  // Where both designs wrote this part, the words only one of them has are marked.
  const parts = leftText && rightText ? diffWords(leftText, rightText) : null
  return (
    <>
      <h3 data-testid="section-pair">{title}</h3>
      <Design text={leftText} testId="design-left">
        {parts && <MarkedWords parts={parts} own="removed" />}
      </Design>
      <Design text={rightText} testId="design-right">
        {parts && <MarkedWords parts={parts} own="added" />}
      </Design>
    </>
  )
}

/** A design's part as the page shows it: one line per filled block, header fields with their label. */
function designText(blocks: readonly BlockShape[]): string {
  return blocks
    .filter((block) => block.text.trim() !== '')
    .map((block) => {
      const label = headerLabelOf(block)
      return label === null ? block.text : `${label}：${block.text}`
    })
    .join('\n')
}

function Design({ text, testId, children }: { text: string | null; testId: string; children: ReactNode }) {
  if (text === null)
    return (
      <div className="design missing" data-testid={testId}>
        （没有这一部分）
      </div>
    )
  return (
    <div className="design" data-testid={testId}>
      {text === '' ? <span className="muted">（未填写）</span> : (children ?? text)}
    </div>
  )
}
