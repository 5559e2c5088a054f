/** A result's snippet: the words found marked, everything shown as text (SEARCH-5). */
import { snippetPieces } from '../../../shared/search/search-snippet.ts'

export function SearchSnippet({ snippet }: { snippet: string }) {
  return (
    <p className="search-snippet" data-testid="search-snippet">
      {snippetPieces(snippet).map((piece, index) =>
        piece.marked ? <mark key={index}>{piece.text}</mark> : <span key={index}>{piece.text}</span>,
      )}
    </p>
  )
}
