import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { holdRemoteChangesWhileComposing } from '../../../client/src/collab/composition-guard.ts'
import { MessageType } from '../../../shared/protocol/messages.ts'

/** Just enough of a provider: the handler table, with handlers that apply to a real Y.Doc. */
function fakeProvider() {
  const doc = new Y.Doc()
  const awareness = new awarenessProtocol.Awareness(doc)
  const provider = { doc, awareness, ws: null, messageHandlers: [] as WebsocketProvider['messageHandlers'] }
  provider.messageHandlers[MessageType.sync] = (encoder, decoder) => {
    encoding.writeVarUint(encoder, MessageType.sync)
    syncProtocol.readSyncMessage(decoder, encoder, doc, provider)
  }
  provider.messageHandlers[MessageType.awareness] = (_encoder, decoder) => {
    awarenessProtocol.applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), provider)
  }
  return provider as typeof provider & WebsocketProvider
}

/** Delivers one frame the way y-websocket does: read the type, call its handler. */
function deliver(provider: WebsocketProvider, frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame)
  const encoder = encoding.createEncoder()
  const type = decoding.readVarUint(decoder)
  provider.messageHandlers[type]!(encoder, decoder, provider, true, type)
  return encoding.toUint8Array(encoder)
}

function remoteUpdateFrame(text: string): Uint8Array {
  const remote = new Y.Doc()
  remote.getText('body').insert(0, text)
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(remote))
  return encoding.toUint8Array(encoder)
}

function syncStep1Frame(): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeSyncStep1(encoder, new Y.Doc())
  return encoding.toUint8Array(encoder)
}

function awarenessFrame(name: string): Uint8Array {
  const remote = new awarenessProtocol.Awareness(new Y.Doc())
  remote.setLocalStateField('user', { name, color: '#000000' })
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.awareness)
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(remote, [remote.clientID]))
  return encoding.toUint8Array(encoder)
}

describe('holdRemoteChangesWhileComposing', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('applies remote changes at once when nobody is composing', () => {
    const provider = fakeProvider()
    holdRemoteChangesWhileComposing(provider, () => false)
    deliver(provider, remoteUpdateFrame('同课异构'))
    expect(provider.doc.getText('body').toString()).toBe('同课异构')
  })

  it('holds remote changes and carets during a composition and applies them in order after it', () => {
    const provider = fakeProvider()
    let composing = true
    holdRemoteChangesWhileComposing(provider, () => composing)
    deliver(provider, remoteUpdateFrame('甲'))
    deliver(provider, awarenessFrame('李老师'))
    deliver(provider, remoteUpdateFrame('乙'))
    vi.advanceTimersByTime(500)
    expect(provider.doc.getText('body').toString()).toBe('')
    expect(provider.awareness.getStates().size).toBe(1)

    composing = false
    vi.advanceTimersByTime(200)
    expect(provider.doc.getText('body').length).toBe(2)
    expect(provider.awareness.getStates().size).toBe(2)
  })

  it('keeps later messages behind held ones even after the composition ended', () => {
    const provider = fakeProvider()
    let composing = true
    holdRemoteChangesWhileComposing(provider, () => composing)
    deliver(provider, remoteUpdateFrame('甲'))
    composing = false
    deliver(provider, remoteUpdateFrame('乙'))
    expect(provider.doc.getText('body').length).toBe(0)
    vi.advanceTimersByTime(200)
    expect(provider.doc.getText('body').length).toBe(2)
  })

  it('answers sync step 1 even while composing', () => {
    const provider = fakeProvider()
    provider.doc.getText('body').insert(0, '本地')
    holdRemoteChangesWhileComposing(provider, () => true)
    const reply = deliver(provider, syncStep1Frame())
    expect(reply.length).toBeGreaterThan(1)
  })

  it('restores the original handlers when disposed', () => {
    const provider = fakeProvider()
    const sync = provider.messageHandlers[MessageType.sync]
    const dispose = holdRemoteChangesWhileComposing(provider, () => true)
    expect(provider.messageHandlers[MessageType.sync]).not.toBe(sync)
    dispose()
    expect(provider.messageHandlers[MessageType.sync]).toBe(sync)
  })
})
