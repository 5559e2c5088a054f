/**
 * One of the mentor's annotations in a pair's detail: the document (opening it at the thread), kind and
 * state, then for a suggestion (建议修改) what it proposes and where it stands, and the remark itself.
 */
import type { PairAnnotation } from '../../../shared/api/mentorship.ts'
import type { SuggestionStatus } from '../../../shared/threads/suggestions.ts'
import { threadKindLabels } from '../../../shared/threads/thread-model.ts'
import { documentKindLabels } from '../../../shared/workflow/document-access.ts'
import { hrefFor } from '../routing.ts'
import { dateTimeText } from '../time-text.ts'

export const suggestionStatusLabels: Record<SuggestionStatus, string> = {
  pending: '待处理',
  accepted: '已接受',
  rejected: '已拒绝',
  // The quoted words changed before the apprentice decided: it can only be rejected now.
  stale: '原文已改动',
}

export function PairAnnotationItem({ annotation }: { annotation: PairAnnotation }) {
  const href = hrefFor({ page: 'editor', documentId: annotation.documentId, threadId: annotation.threadId })
  const { suggestion } = annotation
  return (
    <li data-testid="pair-annotation" data-state={annotation.state}>
      <a href={href}>
        {documentKindLabels[annotation.documentKind]}《{annotation.documentTitle}》
      </a>{' '}
      <span className="count-badge">{threadKindLabels[annotation.kind]}</span>{' '}
      {annotation.state === 'resolved' ? <span className="muted">已解决</span> : <strong>未解决</strong>}
      {suggestion ? (
        <p data-testid="pair-suggestion" data-status={suggestion.status}>
          {suggestion.replacement === '' ? (
            <>建议删除「{annotation.quote}」</>
          ) : (
            <>
              建议把「{annotation.quote}」改为「{suggestion.replacement}」
            </>
          )}{' '}
          <span className="count-badge">{suggestionStatusLabels[suggestion.status]}</span>
        </p>
      ) : (
        annotation.quote && <blockquote className="pair-quote">{annotation.quote}</blockquote>
      )}
      {annotation.body && <p>{annotation.body}</p>}
      <p className="muted">
        {dateTimeText(annotation.createdAt)}
        {annotation.replies > 0 && ` · ${annotation.replies} 条回复`}
      </p>
    </li>
  )
}
