/** A body with its marks, built as React elements: what a teacher typed is never read as HTML. */
import type { ReactNode } from 'react'
import type { BodyRun } from '../../../shared/threads/rich-body.ts'

export function RichBody({ runs }: { runs: readonly BodyRun[] }) {
  return runs.map((run, index) => {
    let node: ReactNode = run.insert
    if (run.attributes?.underline) node = <u>{node}</u>
    if (run.attributes?.italic) node = <em>{node}</em>
    if (run.attributes?.bold) node = <strong>{node}</strong>
    return <span key={index}>{node}</span>
  })
}
