/**
 * The threads beside the text (below it on a narrow screen): adding a thread or suggestion on the
 * selected words, the filters, and the threads in document order. It reads and writes only the
 * document's Y.Doc, so it works offline like the text.
 */
import type { Editor } from '@tiptap/core'
import { useEffect, useMemo, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { GroupMember } from '../../../shared/api/groups.ts'
import { suggestionStatus } from '../../../shared/threads/suggestions.ts'
import type { ListedThread } from '../../../shared/threads/thread-list.ts'
import { type ThreadKind, threadKindLabels, threadKinds } from '../../../shared/threads/thread-model.ts'
import { mayCreateThread, type ThreadActor } from '../../../shared/threads/thread-rules.ts'
import { SelectionActions } from './SelectionActions.tsx'
import { type ThreadDraft, ThreadComposer } from './ThreadComposer.tsx'
import { ThreadItem } from './ThreadItem.tsx'
import {
  defaultThreadFilter,
  filterThreads,
  type ThreadFilter,
  threadAuthors,
  threadStateLabels,
} from './thread-filters.ts'
import { nameOf, type People } from './thread-people.ts'

interface ThreadPanelProps {
  doc: Y.Doc
  editor: Editor | null
  threads: readonly ListedThread[]
  actor: ThreadActor
  people: People
  members: readonly GroupMember[]
  defaultKind: ThreadKind
  selectedId: string | null
  onSelect: (threadId: string | null) => void
}

export function ThreadPanel({
  doc,
  editor,
  threads,
  actor,
  people,
  members,
  defaultKind,
  selectedId,
  onSelect,
}: ThreadPanelProps) {
  const [filter, setFilter] = useState<ThreadFilter>(defaultThreadFilter)
  const [draft, setDraft] = useState<ThreadDraft | null>(null)
  const shown = useMemo(() => filterThreads(threads, filter, selectedId), [threads, filter, selectedId])
  const authors = useMemo(() => threadAuthors(threads), [threads])
  const listRef = useRef<HTMLOListElement>(null)

  useEffect(() => {
    if (!selectedId) return
    listRef.current
      ?.querySelector(`[data-thread-id="${CSS.escape(selectedId)}"]`)
      ?.scrollIntoView({ block: 'nearest', behavior: 'smooth' })
  }, [selectedId, shown])

  const set = <K extends keyof ThreadFilter>(key: K, value: ThreadFilter[K]) =>
    setFilter((current) => ({ ...current, [key]: value }))
  const openCount = threads.filter(({ thread }) => thread.state === 'open').length

  return (
    <aside className="thread-panel" data-testid="thread-panel" aria-label="批注">
      <header className="thread-panel-header">
        <h2>
          批注 <span className="muted">{openCount} 条未解决</span>
        </h2>
        {mayCreateThread(actor).allowed && editor && !draft && (
          <SelectionActions editor={editor} onCompose={setDraft} />
        )}
      </header>
      {draft && (
        <ThreadComposer
          doc={doc}
          draft={draft}
          authorId={actor.userId}
          defaultKind={defaultKind}
          members={members}
          onDone={(threadId) => {
            setDraft(null)
            if (threadId) onSelect(threadId)
          }}
        />
      )}
      <div className="thread-filters" role="group" aria-label="筛选批注">
        <select
          aria-label="类型"
          data-testid="thread-filter-kind"
          value={filter.kind}
          onChange={(event) => set('kind', event.target.value as ThreadFilter['kind'])}
        >
          <option value="all">全部类型</option>
          {threadKinds.map((kind) => (
            <option key={kind} value={kind}>
              {threadKindLabels[kind]}
            </option>
          ))}
        </select>
        <select
          aria-label="状态"
          data-testid="thread-filter-state"
          value={filter.state}
          onChange={(event) => set('state', event.target.value as ThreadFilter['state'])}
        >
          {(['open', 'resolved', 'all'] as const).map((state) => (
            <option key={state} value={state}>
              {threadStateLabels[state]}
            </option>
          ))}
        </select>
        <select
          aria-label="作者"
          data-testid="thread-filter-author"
          value={filter.authorId}
          onChange={(event) => set('authorId', event.target.value)}
        >
          <option value="all">全部作者</option>
          {authors.map((authorId) => (
            <option key={authorId} value={authorId}>
              {nameOf(people, authorId)}
            </option>
          ))}
        </select>
      </div>
      {shown.length === 0 ? (
        <p className="muted thread-empty">
          {threads.length === 0 ? '还没有批注。选中正文中的文字，就可以添加批注。' : '没有符合条件的批注'}
        </p>
      ) : (
        <ol className="thread-list" ref={listRef}>
          {shown.map((listed) => (
            <li key={listed.thread.id}>
              <ThreadItem
                doc={doc}
                listed={listed}
                status={listed.thread.suggestion ? suggestionStatus(doc, listed.thread.id) : null}
                actor={actor}
                people={people}
                members={members}
                selected={listed.thread.id === selectedId}
                onSelect={onSelect}
              />
            </li>
          ))}
        </ol>
      )}
    </aside>
  )
}
