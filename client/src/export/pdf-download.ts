/**
 * Downloads a PDF from the export API. Returns null when the file was handed to the browser, or the
 * message to show: the server's own when it cannot print (503 `pdf_unavailable`: no Chromium), which
 * tells the teacher to print from the print view instead.
 */
export async function downloadPdf(url: string): Promise<string | null> {
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin' })
  } catch {
    return '无法连接服务器，请检查网络；也可以直接点“打印”，选择“另存为 PDF”'
  }
  if (!response.ok) return failureMessage(response)
  const blob = await response.blob()
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = fileNameOf(response.headers.get('content-disposition')) ?? '导学案.pdf'
  document.body.append(link)
  link.click()
  link.remove()
  // The click has started the download; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(link.href), 0)
  return null
}

/** The server's message when it wrote one for teachers (in Chinese), else ours. */
async function failureMessage(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { message?: string } }
    if (body.error?.message && /[\u4e00-\u9fff]/.test(body.error.message)) return body.error.message
  } catch {
    // Not our JSON: the general message below.
  }
  return '生成 PDF 失败，请点“打印”，选择“另存为 PDF”'
}

function fileNameOf(disposition: string | null): string | null {
  const encoded = disposition && /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1]
  return encoded ? decodeURIComponent(encoded) : null
}
