/**
 * The threads of the open document: the panel, kept in step with the highlights in the text — the
 * selected thread marked and scrolled to there, the authors' colours handed to the editor once known.
 */
import type { Editor } from '@tiptap/core'
import { type RefObject, useEffect } from 'react'
import type * as Y from 'yjs'
import type { AccessLevel } from '../../../shared/access.ts'
import type { ThreadKind } from '../../../shared/threads/thread-model.ts'
import { ThreadPanel } from './ThreadPanel.tsx'
import { refreshThreadHighlights, selectThreadInText } from './thread-highlights.ts'
import type { People } from './thread-people.ts'
import { useMembers, usePeople, useThreadList } from './use-threads.ts'

interface DocumentThreadsProps {
  doc: Y.Doc
  editor: Editor | null
  userId: string
  access: AccessLevel
  moderator: boolean
  groupId: string | null
  defaultKind: ThreadKind
  selectedId: string | null
  onSelect: (threadId: string | null) => void
  /** Where the editor reads the authors' colours from. */
  peopleRef: RefObject<People>
}

export function DocumentThreads({
  doc,
  editor,
  userId,
  access,
  moderator,
  groupId,
  defaultKind,
  selectedId,
  onSelect,
  peopleRef,
}: DocumentThreadsProps) {
  const threads = useThreadList(doc)
  const people = usePeople(groupId, threads)
  const members = useMembers(people)
  const selectedPresent = threads.some(({ thread }) => thread.id === selectedId)

  useEffect(() => {
    peopleRef.current = people
    if (editor && !editor.isDestroyed) refreshThreadHighlights(editor.view)
  }, [people, editor, peopleRef])

  useEffect(() => {
    if (!editor || editor.isDestroyed) return
    selectThreadInText(editor.view, selectedId)
    if (!selectedId || !selectedPresent) return
    const passage = editor.view.dom.querySelector(`[data-thread-id="${CSS.escape(selectedId)}"]`)
    passage?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [editor, selectedId, selectedPresent])

  return (
    <ThreadPanel
      doc={doc}
      editor={editor}
      threads={threads}
      actor={{ userId, access, moderator }}
      people={people}
      members={members}
      defaultKind={defaultKind}
      selectedId={selectedId}
      onSelect={onSelect}
    />
  )
}
