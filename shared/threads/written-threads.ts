/**
 * The threads written in a document, as opposed to those it was created with. An adaptation starts as a
 * copy of the 定稿 version's whole state, threads included: those copies are remarks on the shared plan,
 * counted there, not new remarks on the adaptation. A thread cannot be written in a document before the
 * document existed, so the threads older than the document came with its first state. (A thread's time
 * is its writer's clock: one written in the first moments of a document by a client whose clock is
 * behind the server's would be taken for a copy.)
 */
export function threadsWrittenIn<T extends { createdAt: number }>(documentCreatedAt: Date, threads: readonly T[]): T[] {
  return threads.filter((thread) => thread.createdAt >= documentCreatedAt.getTime())
}
