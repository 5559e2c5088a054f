/**
 * React component tests under happy-dom: `renderingReact()`, called once at the top of a test file,
 * gives a `render` that mounts an element in a fresh container of the document, in place of what it
 * mounted before; the last one is unmounted and removed after each test. Each element is mounted inside
 * a fresh query cache, as the app mounts its pages.
 */
import { QueryClientProvider } from '@tanstack/react-query'
import { act, createElement, type ReactElement } from 'react'
import { createRoot, type Root } from 'react-dom/client'
import { afterEach, beforeAll } from 'vitest'
import { createQueryClient } from '../../client/src/api/query-client.ts'

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
    const queryClient = createQueryClient(() => true)
    act(() => root.render(createElement(QueryClientProvider, { client: queryClient }, element)))
    return container
  }
}
