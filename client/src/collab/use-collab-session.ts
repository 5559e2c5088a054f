import { useEffect, useState, useSyncExternalStore } from 'react'
import { type CollabSnapshot, CollabSession } from './collab-session.ts'
import type { UserIdentity } from './online-users.ts'

/**
 * One session per open document, destroyed when the page leaves it; a new `generation` replaces it with
 * a fresh one (after its local copy was discarded).
 */
export function useCollabSession(documentId: string, userId: string, user: UserIdentity, generation = 0): CollabSession | null {
  const [session, setSession] = useState<CollabSession | null>(null)
  const { name, color } = user
  useEffect(() => {
    const created = new CollabSession(documentId, userId, { name, color })
    setSession(created)
    return () => {
      created.destroy()
      setSession(null)
    }
  }, [documentId, userId, name, color, generation])
  return session
}

const idleSnapshot: CollabSnapshot = {
  ready: false,
  saveStatus: 'offline',
  pendingCount: 0,
  access: null,
  problem: null,
  onlineUsers: [],
  refusal: null,
}
const noSubscription = () => () => {}

export function useCollabSnapshot(session: CollabSession | null): CollabSnapshot {
  return useSyncExternalStore(session?.subscribe ?? noSubscription, session?.getSnapshot ?? (() => idleSnapshot))
}
