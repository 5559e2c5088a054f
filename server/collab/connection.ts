/**
 * One client on one document. Written against a minimal socket so that tests can drive it with fakes.
 */
import type { AccessLevel, Actor } from '../../shared/access.ts'
import type { UserRecord } from '../store/store.ts'

export interface CollabSocket {
  send(frame: Uint8Array): void
  close(code: number, reason: string): void
  /** Drops the connection without a closing handshake. */
  terminate(): void
}

export class Connection {
  /** Awareness client ids this connection speaks for (`room-awareness.ts`), removed for everyone when it closes. */
  readonly awarenessClientIds = new Set<number>()
  /** Why this connection may not write the text (`shared/workflow/read-only-reason.ts`); null if it may. */
  readOnlyReason: string | null = null
  /** A read-only client is told once that its edits are refused, not on every keystroke. */
  toldReadOnly = false
  /** Update frames (sync step 2 or update) received so far; save acks count these. */
  updateFramesReceived = 0
  /** Acks count frames from the first, so none may cover a refused frame or any frame after it. */
  firstRefusedFrame: number | null = null
  /**
   * Frames held or queued and not yet stored: an ack stops below the lowest, as a held frame is
   * stored after later frames that brought what it needed.
   */
  readonly unstoredFrames = new Set<number>()
  /** The highest frame number stored (or found to add nothing) so far. */
  highestStoredFrame = 0
  private closedWith: number | null = null
  /** The hash of the session or ws token the connection was opened with: signing that session out closes it. */
  sessionTokenHash: string | null = null

  constructor(
    private readonly socket: CollabSocket,
    readonly user: UserRecord,
    readonly actor: Actor,
    /** Changes when the document's lesson moves to another stage (`Room.refreshAccess`). */
    public access: AccessLevel,
    /** Opted in with `?ack=1`: receives save acks and the access message. */
    readonly wantsAcks: boolean,
    /** The document's owner or the group's leader: may resolve anyone's thread (`thread-rules.ts`). */
    readonly threadModerator = false,
  ) {}

  get isOpen(): boolean {
    return this.closedWith === null
  }

  send(frame: Uint8Array): void {
    if (!this.isOpen) return
    try {
      this.socket.send(frame)
    } catch {
      // A socket that cannot take a frame is gone; the close handler cleans up.
      this.close(1011, 'send failed')
    }
  }

  /** The peer went away; nothing more may be sent. */
  closedByPeer(): void {
    this.closedWith ??= 1006
  }

  /** Never throws: `reason` is cut to the 123 bytes a close frame can carry. */
  close(code: number, reason: string): void {
    if (!this.isOpen) return
    this.closedWith = code
    try {
      this.socket.close(code, closeReason(reason))
    } catch {
      this.socket.terminate()
    }
  }
}

function closeReason(reason: string): string {
  let cut = reason
  while (Buffer.byteLength(cut) > 123) cut = cut.slice(0, -1)
  return cut
}
