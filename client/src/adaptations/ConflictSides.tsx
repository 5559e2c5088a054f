/**
 * A flagged passage's two sides, each marking the words only it has (compared by words, `word-diff.ts`):
 * 我的, as the teacher wrote it and as her 二次备课 still reads until she decides, and 共享版, as the
 * newer 定稿 version has it.
 */
import type { ReactNode } from 'react'
import { diffWords, type TextPart } from '../../../shared/versions/word-diff.ts'

interface ConflictSidesProps {
  mineText: string | null
  sharedText: string | null
}

export function ConflictSides({ mineText, sharedText }: ConflictSidesProps) {
  const parts = mineText !== null && sharedText !== null ? diffWords(mineText, sharedText) : null
  return (
    <div className="conflict-sides">
      <div data-testid="conflict-mine">
        <span className="muted">我的（正文里现在是这段）：</span>
        {mineText === null ? <em className="muted">（我删掉了这段）</em> : parts ? marked(parts, 'removed') : mineText}
      </div>
      <div data-testid="conflict-shared">
        <span className="muted">共享版：</span>
        {sharedText === null ? <em className="muted">（共享版删掉了这段）</em> : parts ? marked(parts, 'added') : sharedText}
      </div>
    </div>
  )
}

/** One side's words: the parts of the other side left out, its own (`own`) marked. */
function marked(parts: readonly TextPart[], own: TextPart['change']): ReactNode[] {
  return parts
    .filter((part) => part.change === 'same' || part.change === own)
    .map((part, index) => (part.change === own ? <mark key={index} className="conflict-own">{part.text}</mark> : <span key={index}>{part.text}</span>))
}
