// @vitest-environment happy-dom
/** The top bar's search box keeps what the teacher typed until another search is shown. */
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { SearchQuery } from '../../../shared/api/search.ts'
import { SearchBox } from '../../../client/src/search/SearchBox.tsx'

let root: Root
let input: HTMLInputElement

beforeAll(() => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
})
afterEach(() => act(() => root.unmount()))

/** Renders the box for `current`, in place of the last one, as the app does when the address changes. */
function show(current: SearchQuery | null): void {
  act(() => root.render(<SearchBox current={current} />))
  input = document.querySelector<HTMLInputElement>('[data-testid="search-input"]')!
}

/** Types as the browser does: through the element's own setter, then an input event React listens to. */
function type(text: string): void {
  act(() => {
    Reflect.set(HTMLInputElement.prototype, 'value', text, input)
    input.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

describe('the search box', () => {
  it('shows the search shown, keeps what is typed while it stays, and takes the next search shown', () => {
    const container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
    show({ q: '方程' })
    expect(input.value).toBe('方程')

    type('二次函数')
    show({ q: '方程', kind: 'lesson-plan' })
    expect(input.value).toBe('二次函数')

    show({ q: '不等式' })
    expect(input.value).toBe('不等式')
    show(null)
    expect(input.value).toBe('')
  })
})
