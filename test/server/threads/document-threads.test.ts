/**
 * The threads the server reads from a stored state carry, on a suggestion, where it stands now: the
 * decision once made, otherwise whether its words are still there (pending) or changed (stale).
 */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { threadsOfState } from '../../../server/threads/document-threads.ts'
import { contentOf, textNodes } from '../../../shared/threads/thread-anchor.ts'
import { acceptSuggestion, createSuggestion, rejectSuggestion } from '../../../shared/threads/suggestions.ts'
import { createThread } from '../../../shared/threads/thread-edits.ts'
import { docWithParagraphs } from '../../shared/threads/thread-fixtures.ts'

describe('threadsOfState', () => {
  it('reads each suggestion’s status from the content it was stored with, and none for a remark', () => {
    const doc = docWithParagraphs(['先复习乘法分配律', '再讲去括号法则', '最后当堂检测', '布置作业'])
    const [review, rule, check, homework] = textNodes(contentOf(doc))
    const suggest = (text: Y.XmlText, replacement: string) =>
      createSuggestion(doc, {
        kind: 'mentorNote',
        authorId: 'chen',
        body: '',
        replacement,
        start: { text, offset: 0 },
        end: { text, offset: 2 },
      })
    const pending = suggest(review!, '先用')
    const accepted = suggest(rule!, '接着')
    const rejected = suggest(check!, '最终')
    const stale = suggest(homework!, '')
    const remark = createThread(doc, {
      kind: 'mentorNote',
      authorId: 'chen',
      body: '好',
      start: { text: review!, offset: 2 },
      end: { text: review!, offset: 4 },
    })
    acceptSuggestion(doc, accepted, 'zhao')
    rejectSuggestion(doc, rejected, 'zhao')
    homework!.insert(1, '课后')

    const threads = threadsOfState(Y.encodeStateAsUpdate(doc))
    const statuses = Object.fromEntries(threads.map((thread) => [thread.id, thread.suggestionStatus]))
    expect(statuses).toEqual({
      [pending]: 'pending',
      [accepted]: 'accepted',
      [rejected]: 'rejected',
      [stale]: 'stale',
      [remark]: null,
    })
    expect(threads.find((thread) => thread.id === pending)?.suggestion?.replacement).toBe('先用')
  })
})
