import { describe, expect, it } from 'vitest'
import {
  forgetRescuedCopy,
  keepRescuedCopy,
  readRescuedCopy,
  rescuedCopyFile,
  rescuedHtml,
} from '../../../client/src/collab/rescued-copy.ts'
import type { ThreadView } from '../../../shared/threads/thread-model.ts'

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>()
  constructor(private readonly capacity = Number.POSITIVE_INFINITY) {}
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    if (value.length > this.capacity) throw new DOMException('full', 'QuotaExceededError')
    this.items.set(key, value)
  }
}

const thread = (over: Partial<ThreadView>): ThreadView => ({
  id: 't1',
  kind: 'question',
  authorId: 'u1',
  createdAt: 1,
  body: '',
  bodyDelta: [],
  quote: '',
  mentions: [],
  state: 'open',
  resolvedBy: null,
  resolvedAt: null,
  replies: [],
  suggestion: null,
  ...over,
})

describe('the copy kept before starting over from the server', () => {
  it('is kept per document until the teacher lets it go', () => {
    const storage = new MemoryStorage()
    const copy = { title: '2.2 去括号', savedAt: 5, html: '<p>我的修改</p>' }
    expect(keepRescuedCopy(storage, 'd1', copy)).toBe(true)
    expect(readRescuedCopy(storage, 'd1')).toEqual(copy)
    expect(readRescuedCopy(storage, 'd2')).toBeNull()
    forgetRescuedCopy(storage, 'd1')
    expect(readRescuedCopy(storage, 'd1')).toBeNull()
  })

  it('says so when the browser will not keep it, and reads nothing from a damaged entry', () => {
    expect(keepRescuedCopy(new MemoryStorage(10), 'd1', { title: 't', savedAt: 1, html: '<p>很长的内容</p>' })).toBe(
      false,
    )
    const storage = new MemoryStorage()
    storage.setItem('gongbei:rescued:d1', '{not json')
    expect(readRescuedCopy(storage, 'd1')).toBeNull()
    storage.setItem('gongbei:rescued:d1', JSON.stringify({ title: 't', html: 1 }))
    expect(readRescuedCopy(storage, 'd1')).toBeNull()
  })

  it("adds the user's own threads and replies, escaped, since for a commenter they are what was typed", () => {
    const threads = [
      thread({ authorId: 'me', quote: '合并<同类项>', body: '这里要举例' }),
      thread({
        id: 't2',
        authorId: 'other',
        quote: '去括号',
        body: '别人的',
        replies: [
          { id: 'r', authorId: 'me', createdAt: 2, body: '同意', bodyDelta: [{ insert: '同意' }], mentions: [] },
        ],
      }),
    ]
    const html = rescuedHtml('<p>正文</p>', threads, 'me')
    expect(html).toBe(
      '<p>正文</p><h2>我的批注</h2><ul><li>「合并&lt;同类项&gt;」这里要举例</li><li>「去括号」回复：同意</li></ul>',
    )
    expect(html).not.toContain('别人的')
    expect(rescuedHtml('<p>正文</p>', threads, 'nobody')).toBe('<p>正文</p>')
  })

  it('downloads as a page that names the document and escapes its title', async () => {
    const text = await rescuedCopyFile({ title: '<b>标题</b>', savedAt: 0, html: '<p>内容</p>' }).text()
    expect(text).toContain('<title>&lt;b&gt;标题&lt;/b&gt;（未保存的副本）</title>')
    expect(text).toContain('<p>内容</p>')
  })
})
