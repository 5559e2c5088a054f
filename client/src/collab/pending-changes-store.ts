/**
 * Keeps how many of a document's changes are unsaved in localStorage, next to its local copy in
 * IndexedDB (both named by the same key), so that after a reload with offline edits the editor still
 * knows the server lacks them.
 *
 * Written synchronously whenever the count changes: y-indexeddb writes the change itself afterwards,
 * asynchronously, so the stored count never lags behind the local copy.
 *
 * One count per local copy: two tabs on the same document overwrite each other's count, which is then
 * only approximate until the next sync answer is acknowledged (see SaveTracker).
 */
type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

function storageKey(localCopyKey: string): string {
  return `gongbei:pending:${localCopyKey}`
}

/**
 * Earlier versions stored a list with one entry per change; its length is the count. A damaged value
 * counts as one change: the next acknowledged sync answer settles it either way.
 */
export function loadPendingCount(storage: KeyValueStorage, localCopyKey: string): number {
  const stored = storage.getItem(storageKey(localCopyKey))
  if (stored === null) return 0
  let parsed: unknown
  try {
    parsed = JSON.parse(stored)
  } catch {
    return 1
  }
  if (Array.isArray(parsed)) return parsed.length
  return Number.isSafeInteger(parsed) && (parsed as number) >= 0 ? (parsed as number) : 1
}

export function savePendingCount(storage: KeyValueStorage, localCopyKey: string, count: number): void {
  if (count === 0) storage.removeItem(storageKey(localCopyKey))
  else storage.setItem(storageKey(localCopyKey), String(count))
}
