import { Duplex } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { corkUntilEndOfTurn } from '../../../server/collab/turn-cork.ts'

/** A socket that records what reaches it in each write: one entry per system call on a real socket. */
class RecordingSocket extends Duplex {
  readonly writes: string[][] = []
  override _read(): void {}
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.writes.push([chunk.toString()])
    done()
  }
  override _writev(chunks: { chunk: Buffer }[], done: () => void): void {
    this.writes.push(chunks.map(({ chunk }) => chunk.toString()))
    done()
  }
}

function send(socket: RecordingSocket, frame: string): void {
  corkUntilEndOfTurn(socket)
  socket.write(frame)
}

describe('corkUntilEndOfTurn', () => {
  it('sends the frames of one turn in one write per socket, in order, none left behind', async () => {
    const a = new RecordingSocket()
    const b = new RecordingSocket()
    // As after a commit: each room's relays run in promise continuations of the same turn.
    await Promise.resolve()
    send(a, 'a1')
    send(b, 'b1')
    await Promise.resolve()
    send(a, 'a2')
    send(a, 'a3')
    expect(a.writes).toEqual([])
    await new Promise((resolve) => setImmediate(resolve))
    expect(a.writes).toEqual([['a1', 'a2', 'a3']])
    expect(b.writes).toEqual([['b1']])
  })

  it('holds nothing past its turn: the next turn is a write of its own', async () => {
    const socket = new RecordingSocket()
    send(socket, 'one')
    await new Promise((resolve) => setImmediate(resolve))
    send(socket, 'two')
    await new Promise((resolve) => setImmediate(resolve))
    expect(socket.writes).toEqual([['one'], ['two']])
    expect(socket.writableCorked).toBe(0)
  })

  it('lets a socket that ends within the turn send what it was given first', async () => {
    const socket = new RecordingSocket()
    send(socket, 'last words')
    socket.end('close frame')
    await new Promise((resolve) => setImmediate(resolve))
    expect(socket.writes.flat()).toEqual(['last words', 'close frame'])
  })
})
