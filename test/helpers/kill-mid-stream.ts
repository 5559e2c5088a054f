/**
 * The crash both a single server and an instance of several must survive: a teacher types a passage one
 * character at a time, and the server under them is killed with SIGKILL partway through.
 */
import * as Y from 'yjs'
import type { TestClient } from './collab-client.ts'
import type { ServerProcess } from './server-process.ts'

export interface SeenAtKill {
  /** The observer's state vector once the server was gone: what another teacher had seen. */
  seenByObserver: Map<number, number>
  /** What the writer had been told was saved. */
  acknowledged: Map<number, number>
}

/** Types `typed` into the writer's text `t` and kills `victim` after `killAt` characters. */
export async function typeThroughKill(
  writer: TestClient,
  observer: TestClient,
  typed: string,
  killAt: number,
  victim: ServerProcess,
): Promise<SeenAtKill> {
  const text = writer.doc.getText('t')
  let killed: Promise<void> | null = null
  for (let i = 0; i < typed.length; i++) {
    text.insert(text.length, typed[i]!)
    if (i === killAt) killed = victim.kill('SIGKILL')
    // A little real time between keystrokes, so the kill lands with frames in flight.
    if (i % 3 === 0) await new Promise((resolve) => setTimeout(resolve, 1))
  }
  await killed
  return {
    seenByObserver: Y.decodeStateVector(Y.encodeStateVector(observer.doc)),
    acknowledged: new Map(writer.acked),
  }
}
