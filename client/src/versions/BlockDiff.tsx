/**
 * Passages added, removed and changed between two documents, in reading order under their section
 * titles; inside a changed passage the inserted and deleted characters are marked. Unchanged passages
 * are shown dimmed for context, or left out with `changesOnly`.
 */
import type { BlockChangeShape, BlockShape } from '../../../shared/api/versions.ts'
import { headerFieldLabels, isHeaderFieldKey } from '../../../shared/schema/header-fields.ts'
import './lesson-work.css'

interface BlockDiffProps {
  changes: readonly BlockChangeShape[]
  changesOnly?: boolean
}

const changeLabels = { added: '新增', removed: '删除', changed: '修改' } as const

export function BlockDiff({ changes, changesOnly = false }: BlockDiffProps) {
  // Empty lines that stayed empty (a template's blank first lines) are only noise in a comparison.
  const shown = changes.filter(
    (change) => change.change !== 'same' || (!changesOnly && change.block.text.trim() !== ''),
  )
  if (shown.length === 0)
    return (
      <p className="muted" data-testid="block-diff-empty">
        没有改动。
      </p>
    )
  return (
    <div className="block-diff" data-testid="block-diff">
      {shown.map((change, index) => {
        const title = change.block.section
        const previousTitle = index === 0 ? null : shown[index - 1]!.block.section
        const heading = title !== previousTitle && title !== '' ? <h3 className="diff-section">{title}</h3> : null
        return (
          <div key={`${change.block.key}-${index}`}>
            {heading}
            <div
              className={`diff-block diff-${change.change} diff-type-${change.block.type}`}
              data-testid="diff-block"
              data-change={change.change}
            >
              {change.change !== 'same' && <span className="diff-tag">{changeLabels[change.change]}</span>}
              <BlockLabel block={change.block} />
              {change.change === 'changed' ? (
                <span className="diff-text">
                  {change.parts.map((part, at) =>
                    part.change === 'added' ? (
                      <ins key={at}>{part.text}</ins>
                    ) : part.change === 'removed' ? (
                      <del key={at}>{part.text}</del>
                    ) : (
                      <span key={at}>{part.text}</span>
                    ),
                  )}
                  {change.parts.every((part) => part.change === 'same') && <span className="muted">（格式修改）</span>}
                </span>
              ) : (
                <span className="diff-text">
                  {change.change === 'removed' ? (
                    <del>{change.block.text}</del>
                  ) : change.change === 'added' ? (
                    <ins>{change.block.text}</ins>
                  ) : (
                    change.block.text
                  )}
                </span>
              )}
            </div>
          </div>
        )
      })}
    </div>
  )
}

/** Header fields carry their label as an attribute, not as text. */
export function headerLabelOf(block: BlockShape): string | null {
  const field = (block.json['attrs'] as Record<string, unknown> | undefined)?.['field']
  return block.type === 'headerField' && isHeaderFieldKey(field) ? headerFieldLabels[field] : null
}

/** Header fields carry their label as an attribute; a picture has no text, so it says what it is. */
function BlockLabel({ block }: { block: BlockShape }) {
  if (block.type === 'image') {
    const alt = (block.json['attrs'] as Record<string, unknown> | undefined)?.['alt']
    return <span className="diff-field">〔图片{typeof alt === 'string' && alt ? `：${alt}` : ''}〕</span>
  }
  const label = headerLabelOf(block)
  return label === null ? null : <span className="diff-field">{label}：</span>
}
