/**
 * Frames sent to one socket in one turn of the event loop leave it in one write. A commit hands the
 * room a batch of stored updates, and every one of them is relayed to every other connection: without
 * this each frame was a system call of its own, and sending was the largest part of the server's CPU
 * (`docs/benchmark-log/2026-12.md`). Nothing waits longer than the end of the turn that sent it.
 */
import type { Duplex } from 'node:stream'

const corked = new Set<Duplex>()

export function corkUntilEndOfTurn(socket: Duplex): void {
  if (corked.has(socket)) return
  socket.cork()
  corked.add(socket)
  // Runs once the promise continuations of this turn (every room's relays after a commit) are done.
  if (corked.size === 1) process.nextTick(uncorkAll)
}

function uncorkAll(): void {
  for (const socket of corked) socket.uncork()
  corked.clear()
}
