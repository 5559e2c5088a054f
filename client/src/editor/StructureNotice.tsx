/** Says for a moment why an edit did nothing: it would have removed or merged part of the template. */
import { useEffect, useState } from 'react'

const shownMs = 5000

export function StructureNotice({ refusedAt }: { refusedAt: number }) {
  const [visible, setVisible] = useState(false)
  useEffect(() => {
    if (refusedAt === 0) return
    setVisible(true)
    const timer = setTimeout(() => setVisible(false), shownMs)
    return () => clearTimeout(timer)
  }, [refusedAt])
  if (!visible) return null
  return (
    <p className="structure-notice" role="status" data-testid="structure-notice">
      表头和各栏标题由导学案模板决定，不能删除或合并。请在各栏里分别修改内容。
    </p>
  )
}
