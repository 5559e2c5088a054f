/**
 * While the app works offline, asks the server again: when the browser says the network is back, and
 * every few seconds, for a network that comes back without the browser noticing (or a server that was
 * down). Offline the request fails at once, so asking often costs nothing.
 */
import { useEffect } from 'react'

const recheckIntervalMs = 5_000

export function useServerRecheck(offline: boolean, recheck: () => void): void {
  useEffect(() => {
    if (!offline) return
    const timer = setInterval(recheck, recheckIntervalMs)
    window.addEventListener('online', recheck)
    return () => {
      clearInterval(timer)
      window.removeEventListener('online', recheck)
    }
  }, [offline, recheck])
}
