/**
 * When the server refuses one of our updates, the page starts over from the server's copy, and changes
 * it had not stored yet go with the local copy. Before that, what this computer had is kept here as
 * HTML, so the teacher can download it and take back what was lost (docs/THREADS.md, In the editor).
 */
import type { ThreadView } from '../../../shared/threads/thread-model.ts'
import { dateTimeText } from '../time-text.ts'

export interface RescuedCopy {
  title: string
  savedAt: number
  html: string
}

const keyOf = (documentId: string) => `gongbei:rescued:${documentId}`

/** False when the browser would not keep it (storage full or disabled): the page then offers it at once. */
export function keepRescuedCopy(storage: Storage, documentId: string, copy: RescuedCopy): boolean {
  try {
    storage.setItem(keyOf(documentId), JSON.stringify(copy))
    return true
  } catch {
    return false
  }
}

export function readRescuedCopy(storage: Storage, documentId: string): RescuedCopy | null {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(keyOf(documentId)) ?? 'null')
    return isRescuedCopy(parsed) ? parsed : null
  } catch {
    return null
  }
}

export function forgetRescuedCopy(storage: Storage, documentId: string): void {
  storage.removeItem(keyOf(documentId))
}

/** The content as HTML, then the user's own threads and replies: for a commenter those are what was typed. */
export function rescuedHtml(contentHtml: string, threads: readonly ThreadView[], userId: string): string {
  const own = threads.flatMap((thread) => [
    ...(thread.authorId === userId ? [{ quote: thread.quote, body: thread.body }] : []),
    ...thread.replies
      .filter((reply) => reply.authorId === userId)
      .map((reply) => ({ quote: thread.quote, body: `回复：${reply.body}` })),
  ])
  if (own.length === 0) return contentHtml
  const items = own.map(({ quote, body }) => `<li>「${escapeHtml(quote)}」${escapeHtml(body)}</li>`).join('')
  return `${contentHtml}<h2>我的批注</h2><ul>${items}</ul>`
}

/** A standalone page that opens in any browser or in Word. */
export function rescuedCopyFile(copy: RescuedCopy): Blob {
  const title = escapeHtml(copy.title)
  const page = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}（未保存的副本）</title></head><body><h1>${title}</h1><p>${escapeHtml(dateTimeText(copy.savedAt))} 保存在这台电脑上的副本</p>${copy.html}</body></html>`
  return new Blob([page], { type: 'text/html;charset=utf-8' })
}

/** Downloads the copy as that page, when the teacher asks for it. */
export function downloadRescuedCopy(copy: RescuedCopy): void {
  const url = URL.createObjectURL(rescuedCopyFile(copy))
  const link = document.createElement('a')
  link.href = url
  link.download = `${copy.title}（未保存的副本）.html`
  link.click()
  // The download has started from the URL by the time a minute has passed.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

function isRescuedCopy(value: unknown): value is RescuedCopy {
  if (typeof value !== 'object' || value === null) return false
  const copy = value as Record<string, unknown>
  return typeof copy.title === 'string' && typeof copy.savedAt === 'number' && typeof copy.html === 'string'
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char]!)
}
