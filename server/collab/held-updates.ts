/**
 * Updates that build on updates the room has not received yet, held until those arrive, as a Y.Doc
 * holds pending structs. The common case: a teacher types while a connection opens, so the keystroke's
 * update reaches the room before the sync step 2 carrying the offline edits it was typed after.
 * Refusing it would make that client's acks stop for good; storing it incomplete would leave it to be
 * judged by nobody (`thread-guard.ts`). Held updates are neither stored, relayed nor acknowledged.
 *
 * Bounded per connection (count and bytes) and per room (bytes): `hold` says when an update would pass
 * a bound, and the room then closes that connection (its held updates are dropped, never stored).
 */
import { limits } from '../../shared/limits.ts'
import type { Connection } from './connection.ts'
import type { DecodedUpdate } from './document-state.ts'

export interface HeldUpdate {
  connection: Connection
  update: Uint8Array
  decoded: DecodedUpdate
  frame: Uint8Array | null
  frameNumber: number
}

interface Load {
  count: number
  bytes: number
}

export class HeldUpdates {
  /** In arrival order, the order in which they are released once complete. */
  private items: HeldUpdate[] = []
  private readonly loads = new Map<Connection, Load>()
  private bytes = 0

  get size(): number {
    return this.items.length
  }

  /** False, holding nothing, when the update would pass a bound. */
  hold(item: HeldUpdate): boolean {
    const size = item.update.length
    const load = this.loads.get(item.connection) ?? { count: 0, bytes: 0 }
    if (
      load.count + 1 > limits.maxHeldUpdatesPerConnection ||
      load.bytes + size > limits.maxHeldBytesPerConnection ||
      this.bytes + size > limits.maxHeldBytesPerRoom
    ) {
      return false
    }
    this.items.push(item)
    this.loads.set(item.connection, { count: load.count + 1, bytes: load.bytes + size })
    this.bytes += size
    return true
  }

  /** The first held update, in arrival order, that `complete` accepts, taken out; null if none. */
  takeFirst(complete: (item: HeldUpdate) => boolean): HeldUpdate | null {
    const index = this.items.findIndex(complete)
    if (index < 0) return null
    const [item] = this.items.splice(index, 1)
    this.forget(item!)
    return item!
  }

  /** The connection is gone: its client sends all of these again, with what they need, when it syncs. */
  dropOf(connection: Connection): void {
    if (!this.loads.has(connection)) return
    const dropped = this.items.filter((item) => item.connection === connection)
    this.items = this.items.filter((item) => item.connection !== connection)
    for (const item of dropped) this.forget(item)
  }

  private forget(item: HeldUpdate): void {
    const load = this.loads.get(item.connection)!
    this.bytes -= item.update.length
    if (load.count === 1) this.loads.delete(item.connection)
    else this.loads.set(item.connection, { count: load.count - 1, bytes: load.bytes - item.update.length })
  }
}
