/**
 * Suggestions through the real server with y-websocket clients: a commenter proposes, the 主备人
 * accepts while the group leader types in the same passage, and everyone ends on the same text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type * as Y from 'yjs'
import { contentOf } from '../../../shared/threads/thread-anchor.ts'
import { acceptSuggestion, createSuggestion, suggestionStatus } from '../../../shared/threads/suggestions.ts'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import { waitFor } from '../../helpers/collab-client.ts'
import { type DraftWithPassage, draftWithPassage, passageOf } from '../../helpers/draft-with-passage.ts'
import { userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
/** A lesson in 主备 (draft): teacher1 is its 主备人; the leader may edit too; teacher2 may comment. */
let draft: DraftWithPassage

beforeAll(async () => {
  server = await startTestServer()
  draft = await draftWithPassage(server, 'teacher1', '用天平演示等式的性质')
})

afterAll(async () => {
  draft?.disconnectAll()
  await server.stop()
})

const text = (doc: Y.Doc) => contentOf(doc).toString()

describe('a suggestion', () => {
  it('made by a commenter and accepted by the 主备人 while the leader types: all converge', async () => {
    const commenter = await draft.join('teacher2')
    const owner = await draft.join('teacher1')
    const leader = await draft.join('leader')
    const node = passageOf(commenter.doc)
    createSuggestion(commenter.doc, {
      id: 'balance',
      kind: 'proposal',
      authorId: await userId(server, 'teacher2'),
      body: '用“说明”更贴切',
      start: { text: node, offset: 0 },
      end: { text: node, offset: 5 },
      replacement: '借助天平说明',
    })
    await waitFor(
      () => threadsOf(owner.doc).has('balance') && threadsOf(leader.doc).has('balance'),
      'the suggestion arrives',
    )
    expect(suggestionStatus(owner.doc, 'balance')).toBe('pending')

    // In one tick: neither has seen the other's change when it makes its own. (Typing inside the
    // words would make the suggestion stale if it reached the room first: the guard tests cover that.)
    acceptSuggestion(owner.doc, 'balance', await userId(server, 'teacher1'))
    passageOf(leader.doc).insert(passageOf(leader.doc).length, '。')
    passageOf(leader.doc).insert(0, '一、')

    const all = [commenter, owner, leader]
    const converged = () =>
      all.every((client) => text(client.doc) === text(owner.doc) && text(client.doc).includes('一、'))
    await waitFor(converged, 'all converge')
    await waitFor(() => all.every((client) => client.frames.acked === client.frames.sent), 'everything stored')
    expect(all.flatMap((client) => client.denials)).toEqual([])
    expect(passageOf(commenter.doc).toString()).toBe('一、借助天平说明等式的性质。')
    for (const client of all) expect(suggestionStatus(client.doc, 'balance')).toBe('accepted')

    const late = await draft.join('teacher2')
    expect(text(late.doc)).toBe(text(owner.doc))
    expect(threadsOf(late.doc).get('balance')!.get('state')).toBe('resolved')
  })

  it('may not be accepted by the commenter who made it: refused, the text stays', async () => {
    const commenter = await draft.join('teacher2')
    const node = passageOf(commenter.doc)
    const author = await userId(server, 'teacher2')
    createSuggestion(commenter.doc, {
      id: 'self',
      kind: 'proposal',
      authorId: author,
      body: '',
      start: { text: node, offset: node.length - 2 },
      end: { text: node, offset: node.length },
      replacement: '规律',
    })
    acceptSuggestion(commenter.doc, 'self', author)
    await waitFor(() => commenter.denials.length === 1, 'permission denied')
    const observer = await draft.join('teacher1')
    await waitFor(() => threadsOf(observer.doc).has('self'), 'the suggestion itself is stored')
    expect(text(observer.doc)).toContain('性质')
    expect(threadsOf(observer.doc).get('self')!.has('decision')).toBe(false)
  })
})
