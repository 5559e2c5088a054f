/**
 * The server's one logger: pino, one JSON object per line on stdout, at the level `GONGBEI_LOG_LEVEL`
 * names (`info` by default; `silent` in tests, set by `test/vitest.config.ts`).
 *
 * A request or a connection logs through a child of it that carries its id (`requestLogger`, the
 * connection's in `upgrade.ts`). Not through an `AsyncLocalStorage` that would find the id by itself: on
 * Node 20 one such store switches on promise hooks for the whole process, which doubled the cost of every
 * awaited promise when measured, and the keystroke path awaits several.
 */
import { type Logger, pino } from 'pino'

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
type LogLevel = (typeof levels)[number]

export type { Logger }

export const logger = pino({
  level: logLevelOf(process.env.GONGBEI_LOG_LEVEL),
  // Who is running is the process manager's business; each line says only what happened.
  base: null,
})

function logLevelOf(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info'
  const level = levels.find((known) => known === value)
  if (!level) throw new Error(`invalid configuration:\n  GONGBEI_LOG_LEVEL: one of ${levels.join(', ')}`)
  return level
}
