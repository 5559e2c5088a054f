/**
 * One side of a two-sided comparison by words (`word-diff.ts`): the words both sides share plain, the
 * words only this side has marked. The other side's own words are left out.
 */
import type { TextPart } from '../../../shared/versions/word-diff.ts'

export function MarkedWords({ parts, own }: { parts: readonly TextPart[]; own: 'removed' | 'added' }) {
  return (
    <>
      {parts
        .filter((part) => part.change === 'same' || part.change === own)
        .map((part, index) =>
          part.change === own ? (
            <mark key={index} className="words-own">
              {part.text}
            </mark>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
    </>
  )
}
