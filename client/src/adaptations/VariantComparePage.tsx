/** 同课异构: two designs of one lesson side by side, section against section. */
import type { BlockShape } from '../../../shared/api/versions.ts'
import { compareVariants } from '../api/versions.ts'
import { BackLink } from '../versions/BackLink.tsx'
import { headerLabelOf } from '../versions/BlockDiff.tsx'
import { useLoaded } from '../versions/use-loaded.ts'
import '../versions/lesson-work.css'

interface VariantComparePageProps {
  lessonId: string
  left: string
  right: string
}

export function VariantComparePage({ lessonId, left, right }: VariantComparePageProps) {
  const { data, error } = useLoaded(() => compareVariants(lessonId, left, right), `${lessonId}/${left}/${right}`)
  if (error) return <p className="page-message" role="alert">{error}</p>
  if (!data) return <p className="page-message">正在比较……</p>
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
  return (
    <>
      <h3 data-testid="section-pair">{title}</h3>
      <Design blocks={left} />
      <Design blocks={right} />
    </>
  )
}

function Design({ blocks }: { blocks: BlockShape[] | null }) {
  if (blocks === null) return <div className="design missing">（没有这一部分）</div>
  const text = blocks
    .filter((block) => block.text.trim() !== '')
    .map((block) => {
      const label = headerLabelOf(block)
      return label === null ? block.text : `${label}：${block.text}`
    })
  return <div className="design">{text.length === 0 ? <span className="muted">（未填写）</span> : text.join('\n')}</div>
}
