import { describe, expect, it } from 'vitest'
import { SaveTracker } from '../../../client/src/collab/save-tracker.ts'

let places = 0
/** A change in a place of its own. */
const newPlace = (): string[] => [`p${++places}`]

/** A change typed while connected: the provider sends it at once, in its own update frame. */
function typeAndSend(tracker: SaveTracker, connectionId: number): void {
  tracker.localChange(newPlace())
  tracker.frameSent(connectionId, 'change')
}

/** A connection whose sync answer the server has stored: everything before it is saved. */
function syncedConnection(tracker: SaveTracker, connectionId: number): void {
  tracker.connected(connectionId)
  tracker.frameSent(connectionId, 'syncAnswer')
  tracker.saveAck(connectionId, 1)
}

describe('SaveTracker', () => {
  it('is offline until connected, and saving until the first sync answer is stored', () => {
    const tracker = new SaveTracker()
    expect(tracker.status).toBe('offline')
    tracker.connected(1)
    // The local copy may hold edits whose count was lost (another tab, a cleared localStorage).
    expect(tracker.status).toBe('saving')
    expect(tracker.pendingCount).toBe(0)
    tracker.frameSent(1, 'syncAnswer')
    expect(tracker.status).toBe('saving')
    tracker.saveAck(1, 1)
    expect(tracker.status).toBe('saved')
  })

  it('keeps each change pending until the ack reaches its own frame', () => {
    const tracker = new SaveTracker()
    syncedConnection(tracker, 1)
    typeAndSend(tracker, 1)
    typeAndSend(tracker, 1)
    typeAndSend(tracker, 1)
    expect(tracker.status).toBe('saving')
    expect(tracker.pendingCount).toBe(3)
    tracker.saveAck(1, 3)
    expect(tracker.pendingCount).toBe(1)
    tracker.saveAck(1, 4)
    expect(tracker.status).toBe('saved')
  })

  it('keeps a Backspace pending when only the insertion typed just before it is stored', () => {
    // Regression: a state vector cannot show a deletion, so the ack of the insertion used to clear it.
    const tracker = new SaveTracker()
    syncedConnection(tracker, 1)
    typeAndSend(tracker, 1)
    typeAndSend(tracker, 1)
    tracker.saveAck(1, 2)
    expect(tracker.pendingCount).toBe(1)
    expect(tracker.status).toBe('saving')
    tracker.saveAck(1, 3)
    expect(tracker.status).toBe('saved')
  })

  it('counts frames that carry none of our changes, so later acks still line up', () => {
    const tracker = new SaveTracker()
    syncedConnection(tracker, 1)
    tracker.frameSent(1, 'other')
    typeAndSend(tracker, 1)
    tracker.saveAck(1, 2)
    expect(tracker.pendingCount).toBe(1)
    tracker.saveAck(1, 3)
    expect(tracker.pendingCount).toBe(0)
  })

  it('sends changes lost with a socket again in the next sync answer, and only its ack saves them', () => {
    // Regression: u1 sent on socket 1 was cleared by the ack of u2 typed on socket 2.
    const tracker = new SaveTracker()
    syncedConnection(tracker, 1)
    typeAndSend(tracker, 1)
    typeAndSend(tracker, 1)
    tracker.saveAck(1, 2)
    tracker.disconnected()
    expect(tracker.status).toBe('offline')
    expect(tracker.pendingCount).toBe(1)

    tracker.connected(2)
    // u2 is typed before the server's sync step 1 arrives, so it goes out first, as frame 1.
    typeAndSend(tracker, 2)
    tracker.saveAck(2, 1)
    expect(tracker.pendingCount).toBe(1)
    expect(tracker.status).toBe('saving')
    tracker.frameSent(2, 'syncAnswer')
    tracker.saveAck(2, 2)
    expect(tracker.status).toBe('saved')
  })

  it('waits for the sync answer for a change the provider did not send while the socket was closing', () => {
    const tracker = new SaveTracker()
    syncedConnection(tracker, 1)
    tracker.localChange(newPlace())
    typeAndSend(tracker, 1)
    tracker.saveAck(1, 2)
    expect(tracker.pendingCount).toBe(1)
    tracker.disconnected()
    syncedConnection(tracker, 2)
    expect(tracker.status).toBe('saved')
  })

  it('counts offline edits and saves them with the sync answer of the next connection', () => {
    const tracker = new SaveTracker()
    syncedConnection(tracker, 1)
    tracker.disconnected()
    for (let typed = 0; typed < 4; typed++) tracker.localChange(newPlace())
    expect(tracker.status).toBe('offline')
    expect(tracker.pendingCount).toBe(4)
    tracker.connected(2)
    expect(tracker.status).toBe('saving')
    typeAndSend(tracker, 2)
    tracker.frameSent(2, 'syncAnswer')
    typeAndSend(tracker, 2)
    tracker.saveAck(2, 1)
    expect(tracker.pendingCount).toBe(5)
    tracker.saveAck(2, 2)
    expect(tracker.pendingCount).toBe(1)
    tracker.saveAck(2, 3)
    expect(tracker.status).toBe('saved')
  })

  it('keeps restored changes until a sync answer that carries them is stored', () => {
    const tracker = new SaveTracker(5)
    expect(tracker.status).toBe('offline')
    expect(tracker.pendingCount).toBe(5)
    tracker.connected(1)
    typeAndSend(tracker, 1)
    tracker.saveAck(1, 1)
    expect(tracker.pendingCount).toBe(5)
    // Dropped before the sync answer was stored: restored changes wait for the next one.
    tracker.frameSent(1, 'syncAnswer')
    tracker.disconnected()
    expect(tracker.pendingCount).toBe(5)
    syncedConnection(tracker, 2)
    expect(tracker.pendingCount).toBe(0)
    expect(tracker.status).toBe('saved')
  })

  it('ignores acks for frames never sent, acks that go back, and acks of another connection', () => {
    const tracker = new SaveTracker()
    syncedConnection(tracker, 1)
    typeAndSend(tracker, 1)
    expect(tracker.saveAck(1, 3)).toBe(false)
    expect(tracker.saveAck(1, 1)).toBe(false)
    expect(tracker.pendingCount).toBe(1)
    tracker.disconnected()
    tracker.connected(2)
    expect(tracker.saveAck(1, 2)).toBe(false)
    tracker.frameSent(2, 'syncAnswer')
    expect(tracker.saveAck(1, 1)).toBe(false)
    expect(tracker.pendingCount).toBe(1)
    expect(tracker.saveAck(2, 1)).toBe(true)
    expect(tracker.pendingCount).toBe(0)
  })

  it('[SYNC-6] counts places, not changes: a paragraph typed in twice, once saved, is still unsaved', () => {
    const tracker = new SaveTracker()
    syncedConnection(tracker, 1)
    for (const place of ['a', 'a', 'b', 'a']) {
      tracker.localChange([place])
      tracker.frameSent(1, 'change')
    }
    expect(tracker.pendingCount).toBe(2)
    tracker.saveAck(1, 2)
    expect(tracker.pendingCount).toBe(2)
    tracker.saveAck(1, 4)
    expect(tracker.pendingCount).toBe(1)
    tracker.disconnected()
    tracker.localChange(['b'])
    expect(tracker.pendingCount).toBe(2)
  })

  it('ignores frames reported for a socket that is not the open one', () => {
    const tracker = new SaveTracker()
    syncedConnection(tracker, 1)
    tracker.disconnected()
    tracker.localChange(newPlace())
    tracker.frameSent(1, 'change')
    tracker.connected(2)
    tracker.frameSent(2, 'syncAnswer')
    tracker.saveAck(2, 1)
    expect(tracker.status).toBe('saved')
  })

  it('stays pending on a read-only connection, whose frames are never acknowledged', () => {
    const tracker = new SaveTracker(2)
    tracker.connected(1)
    tracker.frameSent(1, 'syncAnswer')
    typeAndSend(tracker, 1)
    expect(tracker.status).toBe('saving')
    expect(tracker.pendingCount).toBe(3)
  })

  it('does not count a change twice when a socket opens again before anything was acknowledged', () => {
    const tracker = new SaveTracker()
    tracker.connected(1)
    typeAndSend(tracker, 1)
    tracker.connected(2)
    expect(tracker.pendingCount).toBe(1)
    tracker.frameSent(2, 'syncAnswer')
    tracker.saveAck(2, 1)
    expect(tracker.status).toBe('saved')
  })
})
