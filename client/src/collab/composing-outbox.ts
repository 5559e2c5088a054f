/**
 * Holds this browser's update frames while the teacher composes with an input method (docs/EDITING.md,
 * EDIT-2). ProseMirror writes the marked text (the 拼音 「zheng」) into the document as it changes, and
 * the Yjs binding sends each step; colleagues would see the 拼音 appear and turn into 「正」. Held
 * frames go out as one frame once the composition has settled: its update is the merge of theirs, so
 * the 拼音 arrives already deleted, in the same transaction that inserts the chosen characters.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { MessageType } from '../../../shared/protocol/messages.ts'

/** How often to look whether the composition ended. */
const pollMs = 30
/** ProseMirror reads the committed text from the DOM a little after `compositionend`; let it finish first. */
export const compositionSettleMs = 60

export interface HeldFrame {
  frame: Uint8Array
  /** How many of the local changes the tracker counts this frame carries. */
  changes: number
}

export class ComposingOutbox {
  private updates: Uint8Array[] = []
  private changes = 0
  private lastComposingAt = 0
  private timer: ReturnType<typeof setInterval> | undefined

  /** `send` gets the merged frame once the composition has settled. */
  constructor(
    private readonly isComposing: () => boolean,
    private readonly send: (held: HeldFrame) => void,
  ) {}

  /**
   * Takes an update frame (`[sync, update, bytes]`) to send later, while composing or while earlier
   * frames wait (they must stay in order); returns false for a frame to send now.
   */
  offer(frame: Uint8Array, isChange: boolean): boolean {
    if (frame[0] !== MessageType.sync || frame[1] !== syncProtocol.messageYjsUpdate) return false
    if (this.updates.length === 0 && !this.isComposing()) return false
    const decoder = decoding.createDecoder(frame)
    decoding.readVarUint(decoder)
    decoding.readVarUint(decoder)
    this.updates.push(decoding.readVarUint8Array(decoder))
    if (isChange) this.changes++
    this.lastComposingAt = Date.now()
    this.timer ??= setInterval(() => this.flushIfSettled(), pollMs)
    return true
  }

  /** The socket closed: what it held is in the document, and the next connection's sync answer carries it. */
  discard(): void {
    clearInterval(this.timer)
    this.timer = undefined
    this.updates = []
    this.changes = 0
  }

  private flushIfSettled(): void {
    if (this.isComposing()) this.lastComposingAt = Date.now()
    if (Date.now() - this.lastComposingAt < compositionSettleMs) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MessageType.sync)
    syncProtocol.writeUpdate(encoder, Y.mergeUpdates(this.updates))
    const held = { frame: encoding.toUint8Array(encoder), changes: this.changes }
    this.discard()
    this.send(held)
  }
}
