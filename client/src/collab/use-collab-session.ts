import { useEffect, useState, useSyncExternalStore } from 'react'
import { type CollabSnapshot, CollabSession } from './collab-session.ts'
import type { AwarenessUser } from '../../../shared/protocol/awareness-update.ts'

/**
 * One session per open document, destroyed when the page leaves it; a new `generation` replaces it with
 * a fresh one (after its local copy was discarded).
 */
export function useCollabSession(documentId: string, user: AwarenessUser, generation = 0): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null)
  const { id, name, color } = user
  useEffect(() => {
    const created = new CollabSession(documentId, { id, name, color })
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a session opens a socket and storage, so it exists only once this effect ran
    setSession(created)
    return () => {
      created.destroy()
      setSession(null)
    }
  }, [documentId, id, name, color, generation])
  return session
}

const idleSnapshot: CollabSnapshot = {
  ready: false,
  saveStatus: 'offline',
  pendingCount: 0,
  access: null,
  readOnlyReason: null,
  problem: null,
  onlineUsers: [],
  refusal: null,
}
const noSubscription = () => () => {}

export function useCollabSnapshot(session: CollabSession | null): CollabSnapshot {
  return useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getSnapshot ?? (() => idleSnapshot))
}
