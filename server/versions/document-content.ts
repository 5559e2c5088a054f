/**
 * Reading a document's whole state and changing it from the server. Changes go through the document's
 * room when it is open (`RoomRegistry.applyServerUpdate`), so that they are stored first and then reach
 * every connected editor live; otherwise straight to the store, where the next room to open finds them.
 */
import * as Y from 'yjs'
import type { RoomRegistry } from '../collab/room-registry.ts'
import type { Store } from '../store/store.ts'

export interface ContentContext {
  store: Pick<
    Store,
    | 'accounts'
    | 'adaptations'
    | 'documents'
    | 'groups'
    | 'images'
    | 'lessons'
    | 'meetings'
    | 'mentorships'
    | 'templates'
    | 'updates'
    | 'versions'
  >
  registry: RoomRegistry
}

/** Everything stored of the document, as one update, including what its open room has accepted. */
export async function currentState({ store, registry }: ContentContext, documentId: string): Promise<Uint8Array> {
  await registry.find(documentId)?.settle()
  const stored = await store.updates.loadDocumentState(documentId)
  const parts = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates
  return parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(parts)
}

/** Stores `update` in the document and sends it to whoever has it open; resolves once it is stored. */
export async function applyChange({ registry }: ContentContext, documentId: string, update: Uint8Array): Promise<void> {
  await registry.applyServerUpdate(documentId, update)
}
