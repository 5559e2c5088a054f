/**
 * Holds back remote document changes and remote carets while the local user is composing text with
 * an input method (拼音, 五笔…). Applying them mid-composition makes ProseMirror redraw the paragraph
 * under the IME's marked text, which can cancel the composition or duplicate what was typed. Held
 * messages are applied in arrival order shortly after the composition ends; Yjs merges them the same
 * either way.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import { MessageType } from '../../../shared/protocol/messages.ts'

type MessageHandler = WebsocketProvider['messageHandlers'][number]

interface HeldMessage {
  handler: MessageHandler
  messageType: number
  body: Uint8Array
}

const pollMs = 30
/** ProseMirror reads the composed text from the DOM a little after `compositionend`; let it finish first. */
const settleMs = 60

export function holdRemoteChangesWhileComposing(provider: WebsocketProvider, isComposing: () => boolean): () => void {
  const held: HeldMessage[] = []
  let timer: ReturnType<typeof setInterval> | undefined
  let lastComposingAt = 0

  const flush = () => {
    if (isComposing()) lastComposingAt = Date.now()
    if (Date.now() - lastComposingAt < settleMs) return
    clearInterval(timer)
    timer = undefined
    for (const { handler, messageType, body } of held.splice(0)) {
      const encoder = encoding.createEncoder()
      handler(encoder, decoding.createDecoder(body), provider, true, messageType)
      if (encoding.length(encoder) > 1 && provider.ws?.readyState === WebSocket.OPEN) {
        provider.ws.send(encoding.toUint8Array(encoder))
      }
    }
  }

  const holding =
    (handler: MessageHandler, shouldHold: (decoder: decoding.Decoder) => boolean): MessageHandler =>
    (encoder, decoder, messageProvider, emitSynced, messageType) => {
      if ((held.length > 0 || isComposing()) && shouldHold(decoder)) {
        if (isComposing()) lastComposingAt = Date.now()
        held.push({ handler, messageType, body: decoder.arr.slice(decoder.pos) })
        timer ??= setInterval(flush, pollMs)
        return
      }
      handler(encoder, decoder, messageProvider, emitSynced, messageType)
    }

  const handlers = provider.messageHandlers
  const sync = handlers[MessageType.sync]!
  const awareness = handlers[MessageType.awareness]!
  // Sync step 1 asks for our state and must be answered now; it changes nothing locally.
  handlers[MessageType.sync] = holding(
    sync,
    (decoder) => decoding.peekVarUint(decoder) !== syncProtocol.messageYjsSyncStep1,
  )
  handlers[MessageType.awareness] = holding(awareness, () => true)

  return () => {
    clearInterval(timer)
    held.length = 0
    handlers[MessageType.sync] = sync
    handlers[MessageType.awareness] = awareness
  }
}
