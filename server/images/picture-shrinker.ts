/**
 * Shrinks a picture that is over the size limits (a phone photo in an imported .docx) instead of leaving
 * it out, as the browser does before an upload (EXPORT-11). Decoding a 12-megapixel photo takes seconds
 * and a few hundred MB, so it runs in a worker thread, one picture at a time, never on the thread that
 * relays teachers' typing; a picture that takes too long is given up and its worker ended.
 */
import { Worker } from 'node:worker_threads'
import { isShrinkable } from '../../shared/images/image-shrink.ts'
import { readImageHeader } from '../../shared/images/image-header.ts'

/** Long enough for a 40-megapixel photo on a busy school server; a picture taking longer is left out. */
const shrinkTimeoutMs = 60_000

function startWorker(bytes: Uint8Array): Worker {
  if (!import.meta.url.endsWith('.ts'))
    return new Worker(new URL('./shrink-worker.js', import.meta.url), { workerData: bytes })
  // Under tsx and vitest the worker is TypeScript too, and a worker thread does not inherit their loader.
  const source = JSON.stringify(new URL('./shrink-worker.ts', import.meta.url).href)
  const bootstrap = `import('tsx/esm/api').then(({ register }) => { register(); return import(${source}) })`
  return new Worker(bootstrap, { eval: true, workerData: bytes })
}

let queue: Promise<unknown> = Promise.resolve()

function inWorker(bytes: Uint8Array): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    const worker = startWorker(bytes)
    const done = (result: Uint8Array | null) => {
      clearTimeout(timer)
      resolve(result)
      void worker.terminate()
    }
    const timer = setTimeout(() => done(null), shrinkTimeoutMs)
    worker.once('message', (jpeg: Uint8Array | null) => done(jpeg))
    worker.once('error', () => done(null))
    worker.once('exit', () => done(null))
  })
}

/** The picture redrawn as a JPEG within the limits, or null when it cannot be (not a photo, too many pixels to decode, broken). */
export function shrinkPicture(bytes: Uint8Array): Promise<Uint8Array | null> {
  const header = readImageHeader(bytes)
  if (typeof header === 'string' || !isShrinkable(header)) return Promise.resolve(null)
  const shrunk = queue.then(() => inWorker(bytes))
  queue = shrunk
  return shrunk
}
