/**
 * Suggestions through the real server with y-websocket clients: a commenter proposes, the 主备人
 * accepts while the group leader types in the same passage, and everyone ends on the same text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { contentOf, textNodes } from '../../../shared/threads/thread-anchor.ts'
import { acceptSuggestion, createSuggestion, suggestionStatus } from '../../../shared/threads/suggestions.ts'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import { apiClientFor } from '../../helpers/api-client.ts'
import { connectClient, type TestClient, waitFor, waitForSync, wsToken } from '../../helpers/collab-client.ts'
import { addLesson, demoGroupId, planInput, userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'
import { paragraph } from '../../shared/threads/thread-fixtures.ts'

let server: TestServer
/** A lesson in 主备 (draft): teacher1 is its 主备人; the leader may edit too; teacher2 may comment. */
let documentId: string
const clients: TestClient[] = []
const passage = '用天平演示等式的性质'

beforeAll(async () => {
  server = await startTestServer()
  const leader = await apiClientFor(server.url, 'leader')
  const lesson = await addLesson(leader, await demoGroupId(leader), planInput(await userId(server, 'teacher1')))
  documentId = lesson.documentId
  const author = await join('teacher1')
  contentOf(author.doc).push([paragraph(passage)])
  await waitFor(() => author.frames.acked === author.frames.sent, 'the passage is stored')
})

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server.stop()
})

async function join(username: string): Promise<TestClient> {
  const client = connectClient(server.url, documentId, await wsToken(server.url, username), { acks: true })
  clients.push(client)
  await waitForSync(client)
  return client
}

const lastParagraph = (client: TestClient) => textNodes(contentOf(client.doc)).at(-1)!
const text = (doc: Y.Doc) => contentOf(doc).toString()

describe('a suggestion', () => {
  it('made by a commenter and accepted by the 主备人 while the leader types: all converge', async () => {
    const commenter = await join('teacher2')
    const owner = await join('teacher1')
    const leader = await join('leader')
    const node = lastParagraph(commenter)
    createSuggestion(commenter.doc, {
      id: 'balance',
      kind: 'proposal',
      authorId: await userId(server, 'teacher2'),
      body: '用“说明”更贴切',
      start: { text: node, offset: 0 },
      end: { text: node, offset: 5 },
      replacement: '借助天平说明',
    })
    await waitFor(() => threadsOf(owner.doc).has('balance') && threadsOf(leader.doc).has('balance'), 'the suggestion arrives')
    expect(suggestionStatus(owner.doc, 'balance')).toBe('pending')

    // In one tick: neither has seen the other's change when it makes its own. (Typing inside the
    // words would make the suggestion stale if it reached the room first: the guard tests cover that.)
    acceptSuggestion(owner.doc, 'balance', await userId(server, 'teacher1'))
    lastParagraph(leader).insert(lastParagraph(leader).length, '。')
    lastParagraph(leader).insert(0, '一、')

    const all = [commenter, owner, leader]
    const converged = () => all.every((client) => text(client.doc) === text(owner.doc) && text(client.doc).includes('一、'))
    await waitFor(converged, 'all converge')
    await waitFor(() => all.every((client) => client.frames.acked === client.frames.sent), 'everything stored')
    expect(all.flatMap((client) => client.denials)).toEqual([])
    expect(lastParagraph(commenter).toString()).toBe('一、借助天平说明等式的性质。')
    for (const client of all) expect(suggestionStatus(client.doc, 'balance')).toBe('accepted')

    const late = await join('teacher2')
    expect(text(late.doc)).toBe(text(owner.doc))
    expect(threadsOf(late.doc).get('balance')!.get('state')).toBe('resolved')
  })

  it('may not be accepted by the commenter who made it: refused, the text stays', async () => {
    const commenter = await join('teacher2')
    const node = lastParagraph(commenter)
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
    const observer = await join('teacher1')
    await waitFor(() => threadsOf(observer.doc).has('self'), 'the suggestion itself is stored')
    expect(text(observer.doc)).toContain('性质')
    expect(threadsOf(observer.doc).get('self')!.has('decision')).toBe(false)
  })
})
