/** The search box of the top bar: on every page, it opens the search page with what was typed. */
import { useState } from 'react'
import type { SearchQuery } from '../../../shared/api/search.ts'
import { navigate } from '../routing.ts'
import './search.css'

/** `current`: the search shown now, whose filters a new query keeps. */
export function SearchBox({ current }: { current: SearchQuery | null }) {
  const shownQuery = current?.q ?? ''
  const [text, setText] = useState(shownQuery)
  // Another search shown (a link, the back button) replaces what was typed.
  const [typedFor, setTypedFor] = useState(shownQuery)
  if (typedFor !== shownQuery) {
    setTypedFor(shownQuery)
    setText(shownQuery)
  }
  return (
    <form
      className="top-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault()
        if (text.trim() === '') return
        navigate({ page: 'search', query: { ...current, q: text.trim() } })
      }}
    >
      <input
        type="search"
        value={text}
        onChange={(event) => setText(event.target.value)}
        placeholder="搜索导学案、反思、记录"
        aria-label="搜索"
        maxLength={100}
        data-testid="search-input"
      />
    </form>
  )
}
