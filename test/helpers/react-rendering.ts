/**
 * React component tests under happy-dom: `renderingReact()`, called once at the top of a test file,
 * gives a `render` that mounts an element in a fresh container of the document, in place of what it
 * mounted before; the last one is unmounted and removed after each test.
 */
import { act, type ReactElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll } from 'vitest'

export function renderingReact(): (element: ReactElement, containerTag?: string) => HTMLElement {
  let mounted: { root: Root; container: HTMLElement } | null = null

  beforeAll(() => {
    // Tells React that `act` is in use, so it flushes effects inside it and does not warn.
    ;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true
  })

  const unmount = () => {
    if (!mounted) return
    const { root, container } = mounted
    act(() => root.unmount())
    container.remove()
    mounted = null
  }
  afterEach(unmount)

  return (element, containerTag = 'div') => {
    unmount()
    const container = document.createElement(containerTag)
    document.body.append(container)
    const root = createRoot(container)
    mounted = { root, container }
    act(() => root.render(element))
    return container
  }
}
