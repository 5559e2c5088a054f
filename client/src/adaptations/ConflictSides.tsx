/**
 * A flagged passage's two sides, each marking the words only it has (compared by words, `word-diff.ts`):
 * 我的, as the teacher wrote it and as her 二次备课 still reads until she decides, and 共享版, as the
 * newer 定稿 version has it.
 */
import { diffWords } from '../../../shared/versions/word-diff.ts'
import { MarkedWords } from '../versions/MarkedWords.tsx'

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
        {mineText === null ? (
          <em className="muted">（我删掉了这段）</em>
        ) : parts ? (
          <MarkedWords parts={parts} own="removed" />
        ) : (
          mineText
        )}
      </div>
      <div data-testid="conflict-shared">
        <span className="muted">共享版：</span>
        {sharedText === null ? (
          <em className="muted">（共享版删掉了这段）</em>
        ) : parts ? (
          <MarkedWords parts={parts} own="added" />
        ) : (
          sharedText
        )}
      </div>
    </div>
  )
}
