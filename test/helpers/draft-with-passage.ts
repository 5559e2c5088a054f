/**
 * A lesson the leader adds to the demo group's 备课计划, still in 主备 (draft), whose 主备人 has written
 * one passage the server stored; demo users then join its document as y-websocket clients (acks on).
 */
import type * as Y from 'yjs'
import type { LessonPlanInput, LessonSummary } from '../../shared/api/lessons.ts'
import { contentOf, textNodes } from '../../shared/threads/thread-anchor.ts'
import { paragraph } from '../shared/threads/thread-fixtures.ts'
import { apiClientFor } from './api-client.ts'
import {
  type ConnectOptions,
  connectClient,
  type TestClient,
  waitForStored,
  waitForSync,
  wsToken,
} from './collab-client.ts'
import { addLesson, demoGroupId, planInput, userId } from './lesson-fixtures.ts'
import type { TestServer } from './test-server.ts'

export interface DraftWithPassage {
  lesson: LessonSummary
  /** Connects `username` to the lesson's document and waits for the first sync. */
  join(username: string): Promise<TestClient>
  /** Connects `username` without waiting, e.g. with `connect: false` and offline edits in `doc`. */
  connect(username: string, options?: Omit<ConnectOptions, 'acks'>): Promise<TestClient>
  /** Destroys every client joined or connected so far. */
  disconnectAll(): void
}

export async function draftWithPassage(
  server: TestServer,
  leadPreparer: string,
  passage: string,
  fields: Partial<LessonPlanInput> = {},
): Promise<DraftWithPassage> {
  const leader = await apiClientFor(server.url, 'leader')
  const lesson = await addLesson(
    leader,
    await demoGroupId(leader),
    planInput(await userId(server, leadPreparer), fields),
  )
  const clients: TestClient[] = []
  const connect = async (username: string, options: Omit<ConnectOptions, 'acks'> = {}) => {
    const client = connectClient(server.url, lesson.documentId, await wsToken(server.url, username), {
      ...options,
      acks: true,
    })
    clients.push(client)
    return client
  }
  const join = async (username: string) => {
    const client = await connect(username)
    await waitForSync(client)
    return client
  }
  const author = await join(leadPreparer)
  contentOf(author.doc).push([paragraph(passage)])
  await waitForStored(author, 'the passage is stored')
  return {
    lesson,
    join,
    connect,
    disconnectAll() {
      for (const client of clients.splice(0)) client.destroy()
    },
  }
}

/** The text of the passage the setup wrote: the document's last paragraph. */
export function passageOf(doc: Y.Doc): Y.XmlText {
  return textNodes(contentOf(doc)).at(-1)!
}
