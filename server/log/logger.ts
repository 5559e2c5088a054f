/**
 * The server's one logger: pino, one JSON object per line on stdout, at the level `GONGBEI_LOG_LEVEL`
 * names (`info` by default; `silent` in tests, set by `test/vitest.config.ts`).
 *
 * Every line carries the fields of the request or connection it was written for (`requestId`,
 * `connectionId`, …) without each module being handed a logger: `withLogFields` keeps them in an
 * `AsyncLocalStorage` for everything that runs on behalf of that request, and pino's mixin adds them.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { pino } from 'pino'

const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
type LogLevel = (typeof levels)[number]

export type LogFields = Readonly<Record<string, string | number>>

const scope = new AsyncLocalStorage<LogFields>()

export const logger = pino({
  level: logLevelOf(process.env.GONGBEI_LOG_LEVEL),
  // Who is running is the process manager's business; each line says only what happened.
  base: null,
  mixin: () => scope.getStore() ?? {},
})

/** Runs `work` with `fields` added to every line logged on its behalf, synchronously or later. */
export function withLogFields<T>(fields: LogFields, work: () => T): T {
  return scope.run({ ...scope.getStore(), ...fields }, work)
}

function logLevelOf(value: string | undefined): LogLevel {
  if (value === undefined || value === '') return 'info'
  const level = levels.find((known) => known === value)
  if (!level) throw new Error(`invalid configuration:\n  GONGBEI_LOG_LEVEL: one of ${levels.join(', ')}`)
  return level
}
