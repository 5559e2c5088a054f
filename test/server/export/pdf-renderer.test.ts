/** The PDF renderer: one browser, bounded renders, a clear refusal when it cannot print. */
import { browserSuitesEnabled } from '../../browser/helpers/chromium.ts'
import { describe, expect, it } from 'vitest'
import { noChromiumMessage, PdfRenderer, PdfUnavailableError } from '../../../server/export/pdf/pdf-renderer.ts'

const page =
  '<!doctype html><html><head><meta charset="utf-8"></head><body><p>学习目标</p><script>document.title = "ran"</script></body></html>'

describe('PdfRenderer', () => {
  it('refuses with the way out where chromium is missing', async () => {
    const renderer = new PdfRenderer({ executablePath: '/nonexistent/chromium' })
    expect(renderer.available()).toBe(false)
    await expect(renderer.render(page)).rejects.toThrow(new PdfUnavailableError(noChromiumMessage))
  })

  it.runIf(browserSuitesEnabled())(
    'renders in one browser, refuses what exceeds the queue, and stops with the server',
    async () => {
      const renderer = new PdfRenderer({ maxConcurrent: 1, maxWaiting: 1 })
      try {
        const results = await Promise.allSettled([renderer.render(page), renderer.render(page), renderer.render(page)])
        expect(results.map((result) => result.status)).toEqual(['fulfilled', 'fulfilled', 'rejected'])
        const [first] = results
        if (first.status === 'fulfilled') expect(new TextDecoder().decode(first.value.slice(0, 5))).toBe('%PDF-')
        const refused = results[2]
        if (refused.status === 'rejected') expect(String(refused.reason)).toContain('正在生成的 PDF 较多')
      } finally {
        await renderer.close()
      }
      expect(renderer.available()).toBe(false)
      await expect(renderer.render(page)).rejects.toThrow(PdfUnavailableError)
    },
  )
})
