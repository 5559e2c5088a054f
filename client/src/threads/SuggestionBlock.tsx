/**
 * A suggestion's proposal in the panel, with 接受 / 拒绝 for whoever may decide; a stale one (its words
 * changed meanwhile) can only be rejected; a decided one shows who decided and when.
 */
import type { SuggestionStatus } from '../../../shared/threads/suggestions.ts'
import type { SuggestionView } from '../../../shared/threads/thread-model.ts'
import { shortDateTimeText } from '../time-text.ts'
import { nameOf, type People } from './thread-people.ts'

interface SuggestionBlockProps {
  suggestion: SuggestionView
  status: SuggestionStatus | null
  people: People
  mayAccept: boolean
  mayReject: boolean
  onAccept: () => void
  onReject: () => void
}

const decisionText = { accepted: '接受了建议', rejected: '拒绝了建议' } as const

export function SuggestionBlock({
  suggestion,
  status,
  people,
  mayAccept,
  mayReject,
  onAccept,
  onReject,
}: SuggestionBlockProps) {
  const { replacement, decision, decidedBy, decidedAt } = suggestion
  return (
    <div
      className="suggestion-block"
      data-testid="suggestion"
      data-status={status ?? ''}
      onClick={(event) => event.stopPropagation()}
    >
      <p>
        {replacement === '' ? (
          '建议删除这段文字'
        ) : (
          <>
            建议改为：<ins className="suggestion-replacement">{replacement}</ins>
          </>
        )}
      </p>
      {decision ? (
        <p className="muted thread-record" data-testid="suggestion-decision">
          {nameOf(people, decidedBy ?? '')} {decisionText[decision]} · {decidedAt ? shortDateTimeText(decidedAt) : ''}
        </p>
      ) : (
        <>
          {status === 'stale' && <p className="thread-stale">原文已改动，这条建议不能再接受</p>}
          <span className="thread-actions">
            {status === 'pending' && mayAccept && (
              <button type="button" className="primary" data-testid="suggestion-accept" onClick={onAccept}>
                接受
              </button>
            )}
            {mayReject && (
              <button type="button" data-testid="suggestion-reject" onClick={onReject}>
                拒绝
              </button>
            )}
          </span>
        </>
      )}
    </div>
  )
}
