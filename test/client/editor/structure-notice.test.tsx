// @vitest-environment happy-dom
/** The notice that an edit would have broken the template shows for a while after each refusal. */
import { act } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { StructureNotice } from '../../../client/src/editor/StructureNotice.tsx'

let root: Root

beforeAll(() => {
  ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
})
afterEach(() => {
  act(() => root.unmount())
  vi.useRealTimers()
})

const shown = () => document.querySelector('[data-testid="structure-notice"]') !== null

describe('the structure notice', () => {
  it('shows nothing before a refusal, shows each refusal for five seconds, a new one for five more', () => {
    vi.useFakeTimers()
    const container = document.createElement('div')
    document.body.append(container)
    root = createRoot(container)
    const render = (refusedAt: number): void => {
      act(() => root.render(<StructureNotice refusedAt={refusedAt} />))
    }
    const wait = (ms: number): void => {
      act(() => {
        vi.advanceTimersByTime(ms)
      })
    }

    render(0)
    expect(shown()).toBe(false)
    render(1000)
    expect(shown()).toBe(true)
    wait(4000)
    render(5000)
    wait(4000)
    expect(shown()).toBe(true)
    wait(1000)
    expect(shown()).toBe(false)
    render(12_000)
    expect(shown()).toBe(true)
  })
})
