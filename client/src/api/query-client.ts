/**
 * The client's one cache of server data (TanStack Query), tuned for a school's weak, sometimes absent
 * link (CLIENT-9): a page shows what it has at once and asks again behind it; failures of the link are
 * tried again a little later, twice at most and never while the browser knows it is offline; refusals
 * (4xx) are final; changes are never repeated on their own.
 */
import { QueryClient } from '@tanstack/react-query'
import { ApiError } from './http.ts'

/**
 * Colleagues change most of what a page shows (counts, adaptations, reflections) while it is not on
 * screen, so it is asked again whenever it is shown (`staleTime` 0); the last answer stays this long, to
 * show at once on the way back instead of 正在加载.
 */
const showCachedFor = 30 * 60_000

/** No answer, or the server or a gateway failing: worth one more try. A refusal is not. */
export function worthRetrying(error: unknown, online: boolean): boolean {
  if (!online) return false
  if (!(error instanceof ApiError)) return false
  return error.code === 'network' || (error.status >= 500 && error.code !== 'pdf_unavailable')
}

export const maxRetries = 2

/** 2 s, then 6 s: a link that is down for a moment recovers; one that is dead is not asked every second. */
export const retryDelay = (attempt: number) => 2_000 * 3 ** attempt

export function createQueryClient(online: () => boolean = () => navigator.onLine): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Offline, the requests answer from what the device remembers (`offline-fallback.ts`) or fail
        // with a message; pausing them, TanStack's default, would leave 正在加载 on screen instead.
        networkMode: 'always',
        staleTime: 0,
        gcTime: showCachedFor,
        retry: (failures, error) => failures < maxRetries && worthRetrying(error, online()),
        retryDelay,
      },
      mutations: { networkMode: 'always', retry: false },
    },
  })
}
