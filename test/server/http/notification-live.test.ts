/**
 * Notifications of thread activity end to end: real y-websocket clients write threads through the
 * server's room, and the people concerned see them arrive on their inbox streams.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NewNotificationEvent, NotificationList } from '../../../shared/api/notifications.ts'
import { addReply, createThread, editThreadBody, setMentions } from '../../../shared/threads/thread-edits.ts'
import { acceptSuggestion, createSuggestion } from '../../../shared/threads/suggestions.ts'
import { apiClientFor } from '../../helpers/api-client.ts'
import { waitFor } from '../../helpers/collab-client.ts'
import { type DraftWithPassage, draftWithPassage, passageOf } from '../../helpers/draft-with-passage.ts'
import { type InboxStreamClient, openInboxStream } from '../../helpers/inbox-stream.ts'
import { userId } from '../../helpers/lesson-fixtures.ts'
import { startTestServer, type TestServer } from '../../helpers/test-server.ts'

let server: TestServer
let draft: DraftWithPassage
let documentId: string
const ids: Record<string, string> = {}
const streams: InboxStreamClient[] = []

beforeAll(async () => {
  server = await startTestServer({ demoPlan: false })
  for (const name of ['teacher1', 'teacher2', 'teacher3']) ids[name] = await userId(server, name)
  draft = await draftWithPassage(server, 'teacher1', '用天平的例子引出等式的性质。', { title: '3.2 解一元一次方程' })
  documentId = draft.lesson.documentId
})

afterAll(async () => {
  for (const stream of streams) stream.close()
  draft?.disconnectAll()
  await server.stop()
})

async function streamOf(username: string): Promise<InboxStreamClient> {
  const stream = await openInboxStream(server.url, username)
  streams.push(stream)
  await waitFor(() => stream.events.length > 0, `${username}'s stream opens`)
  return stream
}

function pushed(stream: InboxStreamClient): NewNotificationEvent[] {
  return stream.events
    .filter((event) => event.event === 'notification')
    .map((event) => event.data as NewNotificationEvent)
}

describe('notifications of thread activity through the room', () => {
  it('tells the 主备人 of a new thread and the mentioned of the mention, live; the author hears nothing', async () => {
    const leadPreparer = await streamOf('teacher1')
    const mentioned = await streamOf('teacher3')
    const author = await streamOf('teacher2')
    const commenter = await draft.join('teacher2')
    const text = passageOf(commenter.doc)
    createThread(commenter.doc, {
      id: 'balance',
      kind: 'question',
      authorId: ids.teacher2!,
      body: '天平的例子放在哪一步？',
      start: { text, offset: 1 },
      end: { text, offset: 4 },
      mentions: [ids.teacher3!],
    })
    await waitFor(() => pushed(leadPreparer).length === 1 && pushed(mentioned).length === 1, 'both notifications')
    expect(pushed(leadPreparer)[0]!.notification).toMatchObject({
      kind: 'thread',
      documentId,
      threadId: 'balance',
      actorId: ids.teacher2,
      text: '张老师 在你的《3.2 解一元一次方程 导学案》中提出了质疑',
    })
    expect(pushed(mentioned)[0]!.notification).toMatchObject({ kind: 'mention', threadId: 'balance' })

    // The 主备人 answers: the thread's author is told; the answer's own author is not.
    const answerer = await draft.join('teacher1')
    await waitFor(() => answerer.doc.getMap('threads').has('balance'), 'the thread reaches the 主备人')
    addReply(answerer.doc, 'balance', { authorId: ids.teacher1!, body: '放在新授之前' })
    await waitFor(() => pushed(author).length === 1, 'the reply notification')
    expect(pushed(author)[0]!.notification).toMatchObject({ kind: 'reply', threadId: 'balance' })
    expect(pushed(leadPreparer)).toHaveLength(1)

    // Offline, it waits: teacher3 finds the mention in the list later.
    const later = await (await apiClientFor(server.url, 'teacher3')).get<NotificationList>('/api/notifications')
    expect(later.body.notifications[0]).toMatchObject({
      kind: 'mention',
      documentId,
      threadId: 'balance',
      readAt: null,
    })
  })

  it('tells a colleague the author mentions while editing the thread, and only the newly mentioned', async () => {
    const leadPreparer = await streamOf('teacher1')
    const mentioned = await streamOf('teacher3')
    const commenter = await draft.join('teacher2')
    const text = passageOf(commenter.doc)
    createThread(commenter.doc, {
      id: 'steps',
      kind: 'question',
      authorId: ids.teacher2!,
      body: [{ insert: '步骤', attributes: { bold: true } }, { insert: '要不要分开？' }],
      start: { text, offset: 5 },
      end: { text, offset: 8 },
      mentions: [ids.teacher1!],
    })
    await waitFor(() => pushed(leadPreparer).some((event) => event.notification.threadId === 'steps'), 'the new thread')
    const heardBefore = pushed(leadPreparer).length
    // As the panel saves an edit: the body and the mentions in one change.
    commenter.doc.transact(() => {
      editThreadBody(commenter.doc, 'steps', [{ insert: '步骤', attributes: { italic: true } }, { insert: '分开写' }])
      setMentions(commenter.doc, 'steps', [ids.teacher1!, ids.teacher3!])
    })
    await waitFor(() => pushed(mentioned).some((event) => event.notification.threadId === 'steps'), 'the mention')
    expect(
      pushed(mentioned)
        .filter((event) => event.notification.threadId === 'steps')
        .map((event) => event.notification.kind),
    ).toEqual(['mention'])
    expect(pushed(leadPreparer)).toHaveLength(heardBefore)
  })

  it('tells the 主备人 of a suggestion and its author of the decision', async () => {
    const leadPreparer = await streamOf('teacher1')
    const author = await streamOf('teacher2')
    const commenter = await draft.join('teacher2')
    const text = passageOf(commenter.doc)
    createSuggestion(commenter.doc, {
      id: 'wording',
      kind: 'proposal',
      authorId: ids.teacher2!,
      body: '换个说法',
      start: { text, offset: 0 },
      end: { text, offset: 1 },
      replacement: '借助',
    })
    await waitFor(
      () => pushed(leadPreparer).some((event) => event.notification.threadId === 'wording'),
      'the suggestion',
    )
    expect(pushed(leadPreparer).at(-1)!.notification).toMatchObject({
      kind: 'suggestion',
      text: '张老师 对你的《3.2 解一元一次方程 导学案》提出了修改建议',
    })

    const owner = await draft.join('teacher1')
    await waitFor(() => owner.doc.getMap('threads').has('wording'), 'the suggestion reaches the 主备人')
    acceptSuggestion(owner.doc, 'wording', ids.teacher1!)
    await waitFor(
      () => pushed(author).some((event) => event.notification.kind === 'suggestionAccepted'),
      'the decision',
    )
    expect(pushed(author).at(-1)!.notification).toMatchObject({
      threadId: 'wording',
      text: '李老师 采纳了你对《3.2 解一元一次方程 导学案》的修改建议',
    })
    expect(owner.denials).toEqual([])
  })
})
