/** How many places changed and the passages themselves, with 只看改动: one look for every comparison page. */
import { useState } from 'react'
import type { BlockChangeShape } from '../../../shared/api/versions.ts'
import { BlockDiff } from './BlockDiff.tsx'

export function ComparisonBody({
  changes,
  changeCount,
}: {
  changes: readonly BlockChangeShape[]
  changeCount: number
}) {
  const [changesOnly, setChangesOnly] = useState(false)
  return (
    <>
      <p className="muted">
        共{' '}
        <span className="count-badge" data-testid="compare-count">
          {changeCount} 处改动
        </span>
        <label className="no-print">
          <input type="checkbox" checked={changesOnly} onChange={(event) => setChangesOnly(event.target.checked)} />{' '}
          只看改动
        </label>
      </p>
      <BlockDiff changes={changes} changesOnly={changesOnly} />
    </>
  )
}
