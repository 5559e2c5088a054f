import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  InboxHub,
  type InboxStream,
  maxStreamsPerUser,
  sendTimeoutMs,
} from '../../../server/notifications/inbox-hub.ts'

interface FakeStream extends InboxStream {
  received: unknown[]
  ended: boolean
}

function fakeStream(send: (data: unknown) => Promise<void> = async () => {}): FakeStream {
  const stream: FakeStream = {
    received: [],
    ended: false,
    async send(_event, data) {
      await send(data)
      stream.received.push(data)
    },
    end() {
      stream.ended = true
    },
  }
  return stream
}

afterEach(() => {
  vi.useRealTimers()
})

describe('InboxHub', () => {
  it('sends to every open stream of the user and to nobody else', async () => {
    const hub = new InboxHub()
    const [tab1, tab2, other] = [fakeStream(), fakeStream(), fakeStream()]
    hub.add('li', tab1)
    const removeTab2 = hub.add('li', tab2)
    hub.add('zhang', other)
    await hub.publish('li', 'unread', { unreadCount: 1 })
    removeTab2()
    await hub.publish('li', 'unread', { unreadCount: 2 })
    expect(tab1.received).toEqual([{ unreadCount: 1 }, { unreadCount: 2 }])
    expect(tab2.received).toEqual([{ unreadCount: 1 }])
    expect(other.received).toEqual([])
  })

  it(`keeps at most ${maxStreamsPerUser} streams per user, ending the oldest`, async () => {
    const hub = new InboxHub()
    const streams = Array.from({ length: maxStreamsPerUser + 1 }, () => fakeStream())
    for (const stream of streams) hub.add('li', stream)
    await hub.publish('li', 'unread', { unreadCount: 0 })
    expect(streams.map((stream) => stream.ended)).toEqual([true, ...Array<boolean>(maxStreamsPerUser).fill(false)])
    expect(streams[0]!.received).toEqual([])
  })

  it('ends a stream that fails or does not take an event in time, and goes on with the others', async () => {
    vi.useFakeTimers()
    const hub = new InboxHub()
    const stuck = fakeStream(() => new Promise(() => {}))
    const broken = fakeStream(() => Promise.reject(new Error('socket closed')))
    const fine = fakeStream()
    for (const stream of [stuck, broken, fine]) hub.add('li', stream)
    const publishing = hub.publish('li', 'unread', { unreadCount: 3 })
    await vi.advanceTimersByTimeAsync(sendTimeoutMs)
    await publishing
    expect([stuck.ended, broken.ended, fine.ended]).toEqual([true, true, false])
    await hub.publish('li', 'unread', { unreadCount: 4 })
    expect(fine.received).toEqual([{ unreadCount: 3 }, { unreadCount: 4 }])
    expect(stuck.received).toEqual([])
  })

  it('ends every stream when the server closes', () => {
    const hub = new InboxHub()
    const streams = [fakeStream(), fakeStream()]
    hub.add('li', streams[0]!)
    hub.add('zhang', streams[1]!)
    hub.close()
    expect(streams.map((stream) => stream.ended)).toEqual([true, true])
  })
})
