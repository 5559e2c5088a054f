/**
 * Comment-only access and thread authorship, enforced by the real server against y-websocket clients:
 * forged updates are refused, never stored, never relayed, never acknowledged; honest ones pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { contentOf } from '../../../shared/threads/thread-anchor.ts'
import { addReply, createThread, deleteThread } from '../../../shared/threads/thread-edits.ts'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import { waitFor, waitForStored } from '../../helpers/collab-client.ts'
import { type DraftWithPassage, draftWithPassage, passageOf } from '../../helpers/draft-with-passage.ts'
import { userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
/** A lesson in 主备 (draft): teacher1 is its 主备人 and edits; teacher2 and teacher3 may comment. */
let draft: DraftWithPassage
const ids: Record<string, string> = {}
const passage = '用天平演示等式的性质'

beforeAll(async () => {
  server = await startTestServer()
  for (const name of ['teacher1', 'teacher2', 'teacher3']) ids[name] = await userId(server, name)
  draft = await draftWithPassage(server, 'teacher1', passage)
})

afterAll(async () => {
  draft?.disconnectAll()
  await server.stop()
})

/** A thread on the first words of the passage. */
function threadBy(doc: Y.Doc, authorId: string, id: string): void {
  const text = passageOf(doc)
  createThread(doc, {
    id,
    kind: 'question',
    authorId,
    body: '天平的例子放在哪一步？',
    start: { text, offset: 0 },
    end: { text, offset: 3 },
  })
}

async function storedText(): Promise<string> {
  const stored = await server.store.updates.loadDocumentState(draft.lesson.documentId)
  const doc = new Y.Doc()
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return JSON.stringify(threadsOf(doc).toJSON()) + contentOf(doc).toString()
}

describe('a teacher with comment access', () => {
  it('adds a thread and a reply: stored, relayed and acknowledged', async () => {
    const editor = await draft.join('teacher1')
    const commenter = await draft.join('teacher2')
    threadBy(commenter.doc, ids.teacher2!, 'honest')
    addReply(commenter.doc, 'honest', { authorId: ids.teacher2!, body: '我再想想' })
    await waitFor(() => editor.doc.getMap('threads').has('honest'), 'the thread reaches the editor')
    await waitForStored(commenter, 'both frames acknowledged')
    expect(commenter.denials).toEqual([])
    expect(await storedText()).toContain('天平的例子放在哪一步？')
  })

  it('may not type into the content: refused, told, never seen by others or stored', async () => {
    const editor = await draft.join('teacher1')
    const commenter = await draft.join('teacher2')
    passageOf(commenter.doc).insert(0, '【擅自改写】')
    await waitFor(() => commenter.denials.length === 1, 'permission denied')
    expect(commenter.denials[0]).toContain('正文')
    // The editor keeps working, and what it writes after the refusal arrives; the forgery never does.
    passageOf(editor.doc).insert(0, '一、')
    await waitFor(() => contentOf(commenter.doc).toString().includes('一、'), 'later edits still arrive')
    expect(contentOf(editor.doc).toString()).not.toContain('擅自改写')
    expect(await storedText()).not.toContain('擅自改写')
    expect(commenter.closeCodes).toEqual([])
  })

  it('may not delete a character of the content', async () => {
    const commenter = await draft.join('teacher3')
    passageOf(commenter.doc).delete(0, 1)
    await waitFor(() => commenter.denials.length === 1, 'permission denied')
    const late = await draft.join('teacher1')
    expect(contentOf(late.doc).toString()).toContain(passage)
  })

  it('may not write a thread under another user’s name, and that frame is never acknowledged', async () => {
    const editor = await draft.join('teacher1')
    const commenter = await draft.join('teacher2')
    threadBy(commenter.doc, ids.teacher2!, 'first')
    await waitForStored(commenter, 'the honest thread is stored')
    const refusedFrame = commenter.frames.sent + 1
    threadBy(commenter.doc, ids.teacher1!, 'forged')
    await waitFor(() => commenter.denials.length === 1, 'permission denied')
    expect(commenter.denials[0]).toContain('别人的名义')
    // A later honest frame is stored and relayed, but an ack for it would also cover the refused one.
    await waitFor(() => editor.doc.getMap('threads').has('first'), 'the honest thread relayed')
    deleteThread(commenter.doc, 'first')
    await waitFor(() => !editor.doc.getMap('threads').has('first'), 'the later deletion relayed')
    expect(commenter.frames.sent).toBe(refusedFrame + 1)
    expect(editor.doc.getMap('threads').has('forged')).toBe(false)
    expect(commenter.frames.acked).toBe(refusedFrame - 1)
    expect(await storedText()).not.toContain('"forged"')
  })

  it('adds a thread offline; it is stored when the connection returns', async () => {
    const editor = await draft.join('teacher1')
    const online = await draft.join('teacher3')
    const doc = new Y.Doc()
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(online.doc))
    online.destroy()
    const offline = await draft.connect('teacher3', { doc, connect: false })
    threadBy(offline.doc, ids.teacher3!, 'offline')
    offline.provider.connect()
    await waitFor(() => editor.doc.getMap('threads').has('offline'), 'the offline thread arrives')
    expect(offline.denials).toEqual([])
  })
})

describe('an editor', () => {
  it('edits the content but may not forge a thread', async () => {
    const observer = await draft.join('teacher3')
    const editor = await draft.join('teacher1')
    threadBy(editor.doc, ids.teacher3!, 'editor-forged')
    await waitFor(() => editor.denials.length === 1, 'permission denied')
    const honest = await draft.join('teacher1')
    passageOf(honest.doc).insert(0, '（修改）')
    await waitFor(() => contentOf(observer.doc).toString().includes('（修改）'), 'content edit relayed')
    expect(observer.doc.getMap('threads').has('editor-forged')).toBe(false)
    expect(honest.denials).toEqual([])
  })
})
