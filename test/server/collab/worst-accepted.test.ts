/**
 * Regression: a guest's thread whose mentions nested 12,000 maps deep was stored, after which the
 * document overflowed the stack on every load. Here the worst update of each kind the server still
 * accepts is stored, the server restarts, and the document must load, sync and export whole.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { limits } from '../../../shared/limits.ts'
import { contentOf } from '../../../shared/threads/thread-anchor.ts'
import { addReply, createThread } from '../../../shared/threads/thread-edits.ts'
import { threadsOf } from '../../../shared/threads/thread-model.ts'
import { apiClientFor } from '../../helpers/api-client.ts'
import { covers, login, waitFor, waitForStored } from '../../helpers/collab-client.ts'
import { type DraftWithPassage, draftWithPassage, passageOf } from '../../helpers/draft-with-passage.ts'
import { userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let dataDir: string
let server: TestServer
let draft: DraftWithPassage

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'gongbei-worst-'))
  server = await startTestServer({ dataDir })
  draft = await draftWithPassage(server, 'teacher1', '用天平演示等式的性质')
})

afterAll(async () => {
  draft?.disconnectAll()
  await server?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** Blockquotes as deep as the limit allows: under the paragraph and its text, the characters sit at `maxContentDepth`. */
function deepestContent(doc: Y.Doc): void {
  doc.transact(() => {
    let holder: Y.XmlElement | Y.XmlFragment = contentOf(doc)
    for (let level = 0; level < limits.maxContentDepth - 3; level++) {
      const inner: Y.XmlElement = new Y.XmlElement('blockquote')
      holder.insert(holder.length, [inner])
      holder = inner
    }
    const paragraph = new Y.XmlElement('paragraph')
    holder.insert(0, [paragraph])
    paragraph.insert(0, [new Y.XmlText('最深的一段')])
  })
}

/** A value nested as deep as `maxValueDepth` allows. */
function deepestValue(): unknown {
  let value: unknown = '底'
  for (let level = 0; level < limits.maxValueDepth; level++) value = level % 2 === 0 ? [value] : { v: value }
  return value
}

function largestThread(doc: Y.Doc, authorId: string): void {
  const text = passageOf(doc)
  doc.transact(() => {
    createThread(doc, {
      id: 'largest',
      kind: 'question',
      authorId,
      body: [
        { insert: '重'.repeat(limits.maxThreadBodyChars / 2), attributes: { bold: true } },
        { insert: '点'.repeat(limits.maxThreadBodyChars / 2), attributes: { italic: true, underline: true } },
      ],
      start: { text, offset: 0 },
      end: { text, offset: 3 },
      mentions: Array.from({ length: limits.maxThreadMentions }, (_, i) =>
        `${i}`.padStart(limits.maxThreadIdChars, 'u'),
      ),
    })
    threadsOf(doc).get('largest')!.set('quote', '引'.repeat(limits.maxThreadQuoteChars))
    addReply(doc, 'largest', { authorId, body: '回'.repeat(limits.maxThreadBodyChars) })
  })
}

describe('the worst accepted updates', () => {
  it('[BOUNDS-1] are stored, and the document loads, syncs and exports after a restart', async () => {
    const editor = await draft.join('teacher1')
    deepestContent(editor.doc)
    ;(contentOf(editor.doc).get(0) as Y.XmlElement).setAttribute('data-deep', deepestValue() as never)
    const commenter = await draft.join('teacher2')
    largestThread(commenter.doc, await userId(server, 'teacher2'))
    await waitForStored(editor, 'the deepest content is stored')
    await waitForStored(commenter, 'the largest thread is stored')
    expect([...editor.denials, ...commenter.denials]).toEqual([])
    const expected = new Map([
      ...Y.decodeStateVector(Y.encodeStateVector(editor.doc)),
      ...Y.decodeStateVector(Y.encodeStateVector(commenter.doc)),
    ])
    expected.set(commenter.doc.clientID, Y.getState(commenter.doc.store, commenter.doc.clientID))
    expected.set(editor.doc.clientID, Y.getState(editor.doc.store, editor.doc.clientID))
    draft.disconnectAll()

    const port = Number(new URL(server.url).port)
    await server.stop()
    // The same port: the lesson's clients connect to where they were.
    server = await startTestServer({ dataDir, port })
    const reader = await draft.join('teacher3')
    await waitFor(() => covers(reader.doc, expected), 'everything stored arrives after the restart')
    expect(contentOf(reader.doc).toString()).toContain('最深的一段')
    expect((threadsOf(reader.doc).get('largest')!.get('mentions') as string[]).length).toBe(limits.maxThreadMentions)

    // Typing still works, for the document's other editors too.
    const again = await draft.join('teacher1')
    passageOf(again.doc).insert(0, '一、')
    await waitForStored(again, 'an ordinary keystroke after the restart is stored')

    const api = await apiClientFor(server.url, 'teacher1')
    const documentId = draft.lesson.documentId
    expect((await api.get(`/api/documents/${documentId}/passages`)).status).toBe(200)
    const cookie = await login(server.url, 'teacher1')
    for (const format of ['docx', 'pdf']) {
      const response = await fetch(
        `${server.url}/api/documents/${documentId}/export?edition=teacher&format=${format}`,
        { headers: { cookie } },
      )
      expect({ format, status: response.status }).toEqual({ format, status: 200 })
    }
  }, 120_000)
})
