/**
 * Which local changes the server has durably stored: pure bookkeeping over events, no provider, no DOM.
 *
 * The server numbers the update frames it receives on a connection and acknowledges them by count
 * (see shared/protocol/messages.ts). So a change is saved once a frame that carried it is acknowledged
 * on the connection that carried it, and nothing else counts: not an update the server relays back
 * (it says nothing about deletions), not an ack on another connection.
 *
 * A change travels in one of two kinds of frame. Made while connected, it goes out at once in its own
 * update frame. Made while offline, or sent on a connection that closed before its ack, it waits for
 * the next connection's sync answer (sync step 2), which carries everything the server has not
 * stored, deletions included. Which waiting change a frame carries does not matter, only which wait
 * for which frame. The count shown is of places, not changes (`shared/sync/changed-places.ts`): the
 * distinct places among every change not yet saved.
 *
 * Until some sync answer is acknowledged, the server may lack part of this browser's local copy even
 * when no change is counted (the count is lost if localStorage is, or another tab overwrote it), so
 * the status says 保存中, not 已保存.
 */
import { countPlaces } from '../../../shared/sync/changed-places.ts'

export type SaveStatus = 'saved' | 'saving' | 'offline'

/** What an update frame sent by the provider carries of our changes. */
export type FrameContent =
  /**
   * The local change just recorded, sent by the provider from the same doc 'update' event; or the
   * changes held while the teacher composed, merged into one frame.
   */
  | 'change'
  /** A sync step 2: every change that waits for a frame. */
  | 'syncAnswer'
  /** None of our changes (e.g. content the local copy brought in from another tab); still numbered. */
  | 'other'

interface FrameInFlight {
  frame: number
  /** The places of each change the frame carries. */
  changes: readonly (readonly string[])[]
  syncAnswer: boolean
}

interface OpenConnection {
  id: number
  framesSent: number
  acked: number
  /** Frames that carry pending changes or a sync answer, by ascending frame number. */
  inFlight: FrameInFlight[]
}

export class SaveTracker {
  /** Changes in no frame of the open connection, by their places: they wait for the next sync answer. */
  private waiting: (readonly string[])[]
  private connection: OpenConnection | null = null
  private localCopyConfirmed = false

  /**
   * `restoredCount`: places still unsaved when this document was last open in this browser. Which
   * places they were is not kept, so each counts as one of its own until the sync answer is saved.
   */
  constructor(restoredCount = 0) {
    this.waiting = Array.from({ length: restoredCount }, (_, index) => [`restored:${index}`])
  }

  get status(): SaveStatus {
    if (this.connection === null) return 'offline'
    return this.pendingCount > 0 || !this.localCopyConfirmed ? 'saving' : 'saved'
  }

  get pendingCount(): number {
    return countPlaces([...this.waiting, ...(this.connection?.inFlight ?? []).flatMap(({ changes }) => changes)])
  }

  /** A transaction made in this browser (not one received from the server), with the places it changed. */
  localChange(places: readonly string[]): void {
    this.waiting.push(places)
  }

  /** A socket opened; frames sent on it are numbered from 1. */
  connected(connectionId: number): void {
    this.disconnected()
    this.connection = { id: connectionId, framesSent: 0, acked: 0, inFlight: [] }
  }

  /** Whatever was sent on the closed socket and not acknowledged may be lost: it waits again. */
  disconnected(): void {
    this.waiting = [...this.waiting, ...(this.connection?.inFlight ?? []).flatMap(({ changes }) => changes)]
    this.connection = null
  }

  /** `changes`: how many recorded changes a 'change' frame carries (several, merged while composing). */
  frameSent(connectionId: number, content: FrameContent, changes = 1): void {
    const connection = this.connection
    if (connection === null || connection.id !== connectionId) return
    const frame = ++connection.framesSent
    if (content === 'syncAnswer') {
      connection.inFlight.push({ frame, changes: this.waiting, syncAnswer: true })
      this.waiting = []
    } else if (content === 'change' && this.waiting.length > 0) {
      // The changes just recorded, which are the last ones waiting: one, or those held while composing.
      const carried = this.waiting.splice(-Math.min(changes, this.waiting.length))
      connection.inFlight.push({ frame, changes: carried, syncAnswer: false })
    }
  }

  /**
   * The server stored the first `storedFrames` update frames of a connection. Acks for another
   * connection, for frames never sent, or that do not advance are ignored; returns whether it counted.
   */
  saveAck(connectionId: number, storedFrames: number): boolean {
    const connection = this.connection
    if (connection === null || connection.id !== connectionId) return false
    if (storedFrames > connection.framesSent || storedFrames <= connection.acked) return false
    connection.acked = storedFrames
    while (connection.inFlight.length > 0 && connection.inFlight[0]!.frame <= storedFrames) {
      if (connection.inFlight.shift()!.syncAnswer) this.localCopyConfirmed = true
    }
    return true
  }
}
