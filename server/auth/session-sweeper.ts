/**
 * Deletes expired sessions and ws tokens (SEC-9): once when the server starts, then every `everyMs`.
 * Without it every sign-in and every ws token would stay in the table for good, long after it stopped
 * opening anything.
 */
import type { Store } from '../store/store.ts'
import { logger } from '../log/logger.ts'

export const sessionSweepIntervalMs = 60 * 60 * 1000

export interface SessionSweeper {
  /** Resolves once the sweep under way, if any, has finished; no sweep starts after. */
  stop(): Promise<void>
}

export function startSessionSweeper(store: Pick<Store, 'sessions'>, everyMs = sessionSweepIntervalMs): SessionSweeper {
  let running: Promise<void> = Promise.resolve()
  const sweep = (): void => {
    running = running.then(() =>
      store.sessions.deleteExpiredSessions(new Date()).then(
        () => undefined,
        (error: unknown) => logger.error({ err: error }, 'deleting expired sessions failed'),
      ),
    )
  }
  sweep()
  const timer = setInterval(sweep, everyMs)
  // Sweeping is housekeeping: it must not keep a stopping process alive.
  timer.unref()
  return {
    stop() {
      clearInterval(timer)
      return running
    },
  }
}
