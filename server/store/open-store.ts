/**
 * Picks the store from the configuration: PostgreSQL when a database URL is given, else SQLite.
 */
import { openSqliteStore } from './sqlite-store.ts'
import type { Store } from './store.ts'

export interface OpenStoreOptions {
  /** Folder of the SQLite file, created if missing; `./data` by default. */
  dataDir?: string
  /** `postgres://…`; when set, the data lives in PostgreSQL and `dataDir` is not used. */
  databaseUrl?: string
}

/**
 * Opens the store and brings its schema up to date; throws a readable Error if either fails. The
 * PostgreSQL client is loaded only for PostgreSQL: the embedded default never needs it.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  if (options.databaseUrl) return (await import('./postgres-store.ts')).openPostgresStore(options.databaseUrl)
  return openSqliteStore(options.dataDir ?? 'data')
}
