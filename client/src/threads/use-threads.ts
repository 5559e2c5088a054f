/** The panel's live view of a document's threads and the people they name. */
import { useEffect, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { GroupMember } from '../../../shared/api/groups.ts'
import { contentOf } from '../../../shared/threads/thread-anchor.ts'
import { type ListedThread, listThreads } from '../../../shared/threads/thread-list.ts'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import { fetchGroupPeople } from '../api/groups.ts'
import { usersNamed } from './thread-filters.ts'

/** Typing moves threads' order and anchors only a little: the list follows after a pause. */
const contentSettleMs = 300

/** Every thread in document order, again after each change to the threads and after typing pauses. */
export function useThreadList(doc: Y.Doc): ListedThread[] {
  const [listed, setListed] = useState(() => listThreads(doc))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const now = () => {
      clearTimeout(timer)
      setListed(listThreads(doc))
    }
    const later = () => {
      clearTimeout(timer)
      timer = setTimeout(now, contentSettleMs)
    }
    threadsOf(doc).observeDeep(now)
    contentOf(doc).observeDeep(later)
    now()
    return () => {
      clearTimeout(timer)
      threadsOf(doc).unobserveDeep(now)
      contentOf(doc).unobserveDeep(later)
    }
  }, [doc])
  return listed
}

/** The group's members, and anyone else the threads name, by id; asked again when someone new appears. */
export function usePeople(groupId: string | null, threads: readonly ListedThread[]): ReadonlyMap<string, GroupMember> {
  const [people, setPeople] = useState<ReadonlyMap<string, GroupMember>>(new Map())
  const named = usersNamed(threads)
  const missing = named
    .filter((id) => !people.has(id))
    .sort()
    .join(',')
  // Asked once per set of unknown ids: someone deleted stays unknown and is not asked for again and again.
  const asked = useRef(new Set<string>())
  useEffect(() => {
    if (groupId === null) return
    const key = `${groupId}|${missing}`
    if (asked.current.has(key)) return
    asked.current.add(key)
    fetchGroupPeople(groupId, missing ? missing.split(',') : []).then(
      (found) =>
        setPeople((previous) => new Map([...previous, ...found.map((person) => [person.id, person] as const)])),
      // Offline and never remembered: the panel names them 其他老师 meanwhile.
      () => asked.current.delete(key),
    )
  }, [groupId, missing])
  return people
}

export function useMembers(people: ReadonlyMap<string, GroupMember>): GroupMember[] {
  return useMemo(() => [...people.values()].filter((person) => person.member && person.role !== 'guest'), [people])
}
