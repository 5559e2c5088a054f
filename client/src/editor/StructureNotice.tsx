/** Says for a moment why an edit did nothing: it would have removed or merged part of the template. */
import { useEffect, useState } from 'react'

const shownMs = 5000

export function StructureNotice({ refusedAt }: { refusedAt: number }) {
  /** The refusal whose notice has been shown long enough; a new refusal shows it again. */
  const [doneWith, setDoneWith] = useState(0)
  useEffect(() => {
    if (refusedAt === 0) return
    const timer = setTimeout(() => setDoneWith(refusedAt), shownMs)
    return () => clearTimeout(timer)
  }, [refusedAt])
  if (refusedAt === 0 || doneWith === refusedAt) return null
  return (
    <p className="structure-notice" role="status" data-testid="structure-notice">
      表头和各栏标题由导学案模板决定，不能删除或合并。请在各栏里分别修改内容。
    </p>
  )
}
