/**
 * Feeds a SaveTracker from a y-websocket provider: the update frames the provider sends on each
 * socket, what each of them carries, and the server's save acks.
 *
 * y-websocket opens a new WebSocket for every connection attempt, so its sockets are built from a
 * subclass that reports every frame it sends. It sends a local change from its own doc 'update'
 * listener, synchronously, and only while connected; so one of our listeners runs before the
 * provider's (it records the change) and one after (it ends the change): an update frame sent in
 * between carries that change. The sync step 2 it sends in answer to the server's step 1 carries
 * everything else.
 */
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { MessageType, isUpdateFrame, readSaveAck } from '../../../shared/protocol/messages.ts'
import { changedPlaces } from '../../../shared/sync/changed-places.ts'
import { ComposingOutbox } from './composing-outbox.ts'
import type { FrameContent, SaveTracker } from './save-tracker.ts'

type SocketClass = typeof WebSocket

export interface SaveTracking {
  /** Give it to the provider as `WebSocketPolyfill`. */
  readonly socketClass: SocketClass
  /** Call right after creating the provider; the returned function detaches from the doc and provider. */
  attach(provider: WebsocketProvider): () => void
}

export interface SaveTrackingOptions {
  /** Transaction origins that bring in content already stored locally (the local copy): no new change. */
  notChanges: readonly unknown[]
  /** Called after every event that may have changed the tracker's status or count. */
  onChange: () => void
  /** The browser's WebSocket unless given (tests in Node pass the `ws` package's). */
  baseSocketClass?: SocketClass
  /** Whether the teacher is composing with an input method: update frames wait until it ends (composing-outbox.ts). */
  isComposing?: () => boolean
}

/** Call before creating the provider, so that the doc 'update' listener it adds runs before the provider's. */
export function trackSaves(doc: Y.Doc, tracker: SaveTracker, options: SaveTrackingOptions): SaveTracking {
  let provider: WebsocketProvider | null = null
  let changeBeingSent = false
  let nextConnectionId = 1

  const contentOf = (frame: Uint8Array): FrameContent => {
    if (frame[1] === syncProtocol.messageYjsSyncStep2) return 'syncAnswer'
    return changeBeingSent ? 'change' : 'other'
  }

  const isComposing = options.isComposing ?? (() => false)

  class CountingSocket extends (options.baseSocketClass ?? WebSocket) {
    readonly connectionId = nextConnectionId++
    private readonly outbox = new ComposingOutbox(isComposing, ({ frame, changes }) => {
      if (this.readyState !== this.OPEN) return
      super.send(frame)
      tracker.frameSent(this.connectionId, changes > 0 ? 'change' : 'other', changes)
      options.onChange()
    })

    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      if (data instanceof Uint8Array && this.outbox.offer(data, contentOf(data) === 'change')) return
      super.send(data)
      if (data instanceof Uint8Array && isUpdateFrame(data)) tracker.frameSent(this.connectionId, contentOf(data))
    }

    override close(code?: number, reason?: string): void {
      this.outbox.discard()
      super.close(code, reason)
    }
  }

  const connectionIdOf = (socket: WebSocket | null): number | null =>
    socket instanceof CountingSocket ? socket.connectionId : null

  const beforeProvider = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (origin === provider || options.notChanges.includes(origin)) return
    tracker.localChange(changedPlaces(transaction))
    changeBeingSent = true
  }
  doc.on('update', beforeProvider)

  return {
    socketClass: CountingSocket,
    attach(attached) {
      provider = attached
      const afterProvider = () => {
        if (!changeBeingSent) return
        changeBeingSent = false
        options.onChange()
      }
      doc.on('update', afterProvider)

      const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
        const connectionId = connectionIdOf(attached.ws)
        if (status === 'connected' && connectionId !== null) tracker.connected(connectionId)
        else if (status === 'disconnected') tracker.disconnected()
        else return
        options.onChange()
      }
      attached.on('status', onStatus)

      // y-websocket reads messages of the current socket only, so an ack always speaks of `provider.ws`.
      attached.messageHandlers[MessageType.saveAck] = (_encoder, decoder, messageProvider) => {
        const storedFrames = readSaveAck(decoder)
        const connectionId = connectionIdOf(messageProvider.ws)
        if (connectionId === null || !tracker.saveAck(connectionId, storedFrames)) {
          console.warn(`ignored a save ack for ${storedFrames} frames: not one this connection can have`)
        }
        options.onChange()
      }

      return () => {
        doc.off('update', beforeProvider)
        doc.off('update', afterProvider)
        attached.off('status', onStatus)
      }
    },
  }
}
