/** The panel's filters by kind, state and author, in the document order listThreads gives. */
import { describe, expect, it } from 'vitest'
import { contentOf, pointAt } from '../../../shared/threads/thread-anchor.ts'
import { addReply, createThread, setMentions, setResolved } from '../../../shared/threads/thread-edits.ts'
import { listThreads } from '../../../shared/threads/thread-list.ts'
import type { ThreadKind } from '../../../shared/threads/thread-model.ts'
import {
  defaultThreadFilter,
  filterThreads,
  threadAuthors,
  usersNamed,
} from '../../../client/src/threads/thread-filters.ts'
import { docWithParagraphs } from '../../shared/threads/thread-fixtures.ts'

function documentWithThreads() {
  const doc = docWithParagraphs(['理解一元一次方程的概念', '先独立思考，再小组讨论'])
  const content = contentOf(doc)
  const add = (id: string, kind: ThreadKind, authorId: string, from: number, to: number) =>
    createThread(doc, {
      id,
      kind,
      authorId,
      body: id,
      start: pointAt(content, from),
      end: pointAt(content, to),
      now: 1,
    })
  add('late-question', 'question', 'wang', 14, 16)
  add('early-proposal', 'proposal', 'li', 0, 2)
  add('middle-question', 'question', 'li', 4, 6)
  setResolved(doc, 'middle-question', true, 'wang')
  return doc
}

const ids = (threads: ReturnType<typeof listThreads>) => threads.map(({ thread }) => thread.id)

describe('filterThreads', () => {
  it('shows open threads in document order by default', () => {
    expect(ids(filterThreads(listThreads(documentWithThreads()), defaultThreadFilter))).toEqual([
      'early-proposal',
      'late-question',
    ])
  })

  it('narrows by kind, state and author together', () => {
    const all = listThreads(documentWithThreads())
    expect(ids(filterThreads(all, { kind: 'question', state: 'all', authorId: 'all' }))).toEqual([
      'middle-question',
      'late-question',
    ])
    expect(ids(filterThreads(all, { kind: 'all', state: 'resolved', authorId: 'all' }))).toEqual(['middle-question'])
    expect(ids(filterThreads(all, { kind: 'all', state: 'all', authorId: 'li' }))).toEqual([
      'early-proposal',
      'middle-question',
    ])
    expect(ids(filterThreads(all, { kind: 'proposal', state: 'open', authorId: 'wang' }))).toEqual([])
  })

  it('keeps the selected thread, in its place, whatever the filters say', () => {
    const all = listThreads(documentWithThreads())
    expect(ids(filterThreads(all, defaultThreadFilter, 'middle-question'))).toEqual([
      'early-proposal',
      'middle-question',
      'late-question',
    ])
  })
})

describe('threadAuthors and usersNamed', () => {
  it('lists each author once, and everyone a thread names for the names to look up', () => {
    const doc = documentWithThreads()
    addReply(doc, 'late-question', { authorId: 'zhang', body: '同意' })
    setMentions(doc, 'early-proposal', ['liu'])
    const all = listThreads(doc)
    expect(threadAuthors(all).sort()).toEqual(['li', 'wang'])
    expect(usersNamed(all).sort()).toEqual(['li', 'liu', 'wang', 'zhang'])
  })
})
