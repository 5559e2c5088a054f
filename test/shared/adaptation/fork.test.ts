import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { forkState, pullUpdate } from '../../../shared/adaptation/fork.ts'
import { contentOf, pointAt } from '../../../shared/threads/thread-anchor.ts'
import { addReply, createThread } from '../../../shared/threads/thread-edits.ts'
import { readThread, threadsOf } from '../../../shared/threads/thread-model.ts'
import { fork, paragraph, planDoc, retype, stateOf, texts } from '../versions/plan-documents.ts'

function addThread(doc: Y.Doc, id: string, authorId: string): void {
  const content = contentOf(doc)
  createThread(doc, {
    id,
    kind: 'question',
    authorId,
    body: '这里要不要先举例？',
    start: pointAt(content, 0),
    end: pointAt(content, 2),
  })
}

const threadIds = (doc: Y.Doc) => [...threadsOf(doc).keys()].sort()

/** The plan with a thread of the group's, finalized as v1, and an adaptation forked from it. */
function forkedScenario() {
  const plan = planDoc([paragraph('A 原文'), paragraph('B 原文')])
  addThread(plan, 'plan-1', 'u-wang')
  addReply(plan, 'plan-1', { authorId: 'u-li', body: '同意' })
  const adaptation = fork(forkState(stateOf(plan)))
  return { plan, adaptation }
}

describe('an adaptation forked from a version', () => {
  it('takes the plan’s text and none of its threads', () => {
    const { plan, adaptation } = forkedScenario()
    expect(texts(adaptation)).toEqual(texts(plan))
    expect(threadIds(plan)).toEqual(['plan-1'])
    expect(threadIds(adaptation)).toEqual([])
  })

  it('keeps its own threads through a pull that brings the plan’s new text and none of its new threads', () => {
    const { plan, adaptation } = forkedScenario()
    addThread(adaptation, 'mine', 'u-zhang')
    addReply(adaptation, 'mine', { authorId: 'u-chen', body: '我班也这样试试' })
    retype(plan, 1, 'B 修订稿')
    addThread(plan, 'plan-2', 'u-wang')
    addReply(plan, 'plan-1', { authorId: 'u-wang', body: '已改' })

    Y.applyUpdate(adaptation, pullUpdate(stateOf(plan), stateOf(adaptation)))

    expect(texts(adaptation)).toEqual(['A 原文', 'B 修订稿'])
    expect(threadIds(adaptation)).toEqual(['mine'])
    expect(readThread(threadsOf(adaptation).get('mine')!).replies.map((reply) => reply.body)).toEqual([
      '我班也这样试试',
    ])
    expect(threadIds(plan)).toEqual(['plan-1', 'plan-2'])
  })

  it('drops, on a pull, the plan’s threads an adaptation forked before this rule still holds', () => {
    const plan = planDoc([paragraph('A 原文')])
    addThread(plan, 'plan-1', 'u-wang')
    const adaptation = fork(stateOf(plan))
    addThread(adaptation, 'mine', 'u-zhang')
    addThread(plan, 'plan-2', 'u-wang')
    Y.applyUpdate(adaptation, pullUpdate(stateOf(plan), stateOf(adaptation)))
    expect(threadIds(adaptation)).toEqual(['mine'])
  })
})
