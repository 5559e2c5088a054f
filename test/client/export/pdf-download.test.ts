// @vitest-environment happy-dom
/** The PDF download goes through the one HTTP path: the file is handed to the browser under the server's name, a failure is worded. */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { downloadPdf } from '../../../client/src/export/pdf-download.ts'

function respond(response: () => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => response()),
  )
}

describe('downloadPdf', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('hands the file to the browser under the name the server gave it', async () => {
    const headers = {
      'content-type': 'application/pdf',
      'content-disposition': "attachment; filename*=UTF-8''%E6%95%99%E5%B8%88%E7%89%88.pdf",
    }
    respond(() => new Response('%PDF-1.7', { status: 200, headers }))
    const objectUrl = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:pdf')
    const clicked: string[] = []
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download)
    })
    try {
      await expect(downloadPdf('/api/export/x.pdf')).resolves.toBeNull()
      expect(clicked).toEqual(['教师版.pdf'])
    } finally {
      click.mockRestore()
      objectUrl.mockRestore()
    }
  })

  it('says what the server says when it cannot print, and how to print instead when it gives no reason', async () => {
    respond(() =>
      Response.json(
        { error: { code: 'pdf_unavailable', message: '服务器未安装 Chromium，请使用打印预览中的“打印/另存为 PDF”' } },
        { status: 503 },
      ),
    )
    await expect(downloadPdf('/a.pdf')).resolves.toBe('服务器未安装 Chromium，请使用打印预览中的“打印/另存为 PDF”')
    respond(() => new Response('<html>Bad Gateway</html>', { status: 502 }))
    await expect(downloadPdf('/a.pdf')).resolves.toBe('生成 PDF 失败，请点“打印”，选择“另存为 PDF”')
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await expect(downloadPdf('/a.pdf')).resolves.toBe(
      '无法连接服务器，请检查网络；也可以直接点“打印”，选择“另存为 PDF”',
    )
  })
})
