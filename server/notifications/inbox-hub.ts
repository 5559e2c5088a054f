/**
 * The open inbox streams of this server, by user: a new notification or a changed unread count is
 * pushed to every stream its user has open (one per tab). Streams are bounded per user; opening one
 * more ends the oldest, which then reconnects only if its tab is still there.
 */
import type { InboxEventName } from '../../shared/api/notifications.ts'

export interface InboxStream {
  send(event: InboxEventName, data: unknown): Promise<void>
  /** Ends the stream from the server's side (shutdown, too many streams). */
  end(): void
}

/** What delivers an event to a user's streams: this server's hub, or every instance's (SCALE-7). */
export interface InboxPublisher {
  publish(userId: string, event: InboxEventName, data: unknown): Promise<void>
}

export const maxStreamsPerUser = 8

/** A stream whose client has not taken an event within this time is ended: it would hold up delivery. */
export const sendTimeoutMs = 5000

export class InboxHub implements InboxPublisher {
  private readonly streams = new Map<string, Set<InboxStream>>()

  /** Returns the function that removes it again. */
  add(userId: string, stream: InboxStream): () => void {
    let mine = this.streams.get(userId)
    if (!mine) {
      mine = new Set()
      this.streams.set(userId, mine)
    }
    mine.add(stream)
    if (mine.size > maxStreamsPerUser) {
      const [oldest] = mine
      oldest?.end()
      if (oldest) this.remove(userId, oldest)
    }
    return () => this.remove(userId, stream)
  }

  /** Sends to every open stream of the user; a stream that fails to take it in time is ended. */
  async publish(userId: string, event: InboxEventName, data: unknown): Promise<void> {
    const mine = [...(this.streams.get(userId) ?? [])]
    await Promise.all(
      mine.map((stream) =>
        withTimeout(stream.send(event, data), sendTimeoutMs).catch(() => {
          stream.end()
          this.remove(userId, stream)
        }),
      ),
    )
  }

  close(): void {
    for (const [userId, mine] of this.streams)
      for (const stream of mine) {
        stream.end()
        this.remove(userId, stream)
      }
  }

  private remove(userId: string, stream: InboxStream): void {
    const mine = this.streams.get(userId)
    if (!mine) return
    mine.delete(stream)
    if (mine.size === 0) this.streams.delete(userId)
  }
}

function withTimeout(sending: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the inbox stream did not take the event in time')), ms)
  })
  return Promise.race([sending, timeout]).finally(() => clearTimeout(timer))
}
