/**
 * Shown above the editor of a 二次备课, so the 个人加减 stay in sight while the teacher types: how many
 * places differ from the shared version, whether a newer 定稿 version is waiting to be pulled in, and
 * how many flagged passages still need a decision. Refreshed while the editor is open, and soon after
 * the teacher's typing is saved, so the count follows the edits just made.
 */
import type { AdaptationDetail } from '../../../shared/api/versions.ts'
import { useEffect, useState } from 'react'
import { fetchAdaptation } from '../api/versions.ts'
import { hrefFor } from '../routing.ts'
import '../versions/lesson-work.css'

/** Often enough to follow typing, seldom enough not to matter to the server. */
const refreshMs = 8000
/** How long the typing pauses, all of it saved, before the count is brought up to date. */
const settleMs = 1000

export function AdaptationBar({ documentId, saved }: { documentId: string; saved: boolean }) {
  const [detail, setDetail] = useState<AdaptationDetail | null>(null)

  useEffect(() => {
    const refresh = loader(documentId, setDetail)
    refresh.load()
    const timer = window.setInterval(refresh.load, refreshMs)
    return () => {
      refresh.stop()
      window.clearInterval(timer)
    }
  }, [documentId])

  // Edits just reached the server: count them when the teacher pauses, not only at the next tick.
  useEffect(() => {
    if (!saved) return
    const refresh = loader(documentId, setDetail)
    const timer = window.setTimeout(refresh.load, settleMs)
    return () => {
      refresh.stop()
      window.clearTimeout(timer)
    }
  }, [documentId, saved])

  if (!detail) return null
  return (
    <div className="banner adaptation-bar" data-testid="adaptation-bar">
      基于{detail.baseVersion.name} ·{' '}
      <a href={hrefFor({ page: 'adaptation', documentId })} data-testid="adaptation-bar-count">
        个人加减 {detail.changeCount} 处
      </a>
      {detail.newerVersion && (
        <>
          {' · '}
          <a href={hrefFor({ page: 'adaptation', documentId })} data-testid="adaptation-bar-newer">
            共享导学案有新版本{detail.newerVersion.name}，去更新
          </a>
        </>
      )}
      {detail.openConflicts > 0 && (
        <>
          {' · '}
          <a href={hrefFor({ page: 'adaptation', documentId })}>{detail.openConflicts} 处需要你决定</a>
        </>
      )}
    </div>
  )
}

/** Fetches the adaptation into `show` until stopped: an answer arriving after the bar is gone is dropped. */
function loader(documentId: string, show: (detail: AdaptationDetail) => void): { load: () => void; stop: () => void } {
  let current = true
  return {
    load: () =>
      void fetchAdaptation(documentId).then(
        (loaded) => current && show(loaded),
        () => {},
      ),
    stop: () => {
      current = false
    },
  }
}
