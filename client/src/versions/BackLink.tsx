/**
 * Back to the lesson page when the lesson is known, also when the page was opened from a link a
 * colleague sent; otherwise back to wherever the teacher came from.
 */
import { hrefFor } from '../routing.ts'

export function BackLink({ lessonId }: { lessonId?: string }) {
  if (lessonId === undefined) {
    return (
      <button type="button" className="link-button back-link no-print" onClick={() => window.history.back()}>
        ← 返回
      </button>
    )
  }
  return (
    <a className="back-link no-print" href={hrefFor({ page: 'lesson', lessonId })} data-testid="back-to-lesson">
      ← 返回这节课
    </a>
  )
}
