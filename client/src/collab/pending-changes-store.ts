/**
 * Keeps a document's pending changes in localStorage, next to its local copy in IndexedDB (both named
 * by the same key), so that after a reload with offline edits the editor still knows how many of them
 * the server has not stored.
 *
 * One list per local copy: two tabs on the same document overwrite each other's list, and the count
 * is then only approximate until the server acknowledges.
 */
import type { PendingChange } from './save-tracker.ts'

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

function storageKey(localCopyKey: string): string {
  return `gongbei:pending:${localCopyKey}`
}

/** Stored as `[client, clock]` pairs: an offline session can pile up thousands of changes. */
export function loadPendingChanges(storage: KeyValueStorage, localCopyKey: string): PendingChange[] {
  let parsed: unknown
  try {
    parsed = JSON.parse(storage.getItem(storageKey(localCopyKey)) ?? '[]')
  } catch {
    return []
  }
  if (!Array.isArray(parsed)) return []
  return parsed.flatMap((entry: unknown) =>
    Array.isArray(entry) && entry.length === 2 && entry.every((n) => Number.isSafeInteger(n) && n >= 0)
      ? [{ client: entry[0] as number, clock: entry[1] as number }]
      : [],
  )
}

export function savePendingChanges(storage: KeyValueStorage, localCopyKey: string, changes: readonly PendingChange[]): void {
  if (changes.length === 0) {
    storage.removeItem(storageKey(localCopyKey))
    return
  }
  storage.setItem(storageKey(localCopyKey), JSON.stringify(changes.map(({ client, clock }) => [client, clock])))
}
