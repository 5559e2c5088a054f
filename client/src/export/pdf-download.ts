/**
 * Downloads a PDF from the export API. Returns null when the file was handed to the browser, or the
 * message to show: the server's own when it cannot print (503 `pdf_unavailable`: no Chromium), which
 * tells the teacher to print from the print view instead.
 */
import { apiDownload } from '../api/http.ts'

const printInstead = '生成 PDF 失败，请点“打印”，选择“另存为 PDF”'

const wording = {
  network: '无法连接服务器，请检查网络；也可以直接点“打印”，选择“另存为 PDF”',
  internal: printInstead,
  unknown: printInstead,
  not_found: printInstead,
}

export async function downloadPdf(url: string): Promise<string | null> {
  let file
  try {
    file = await apiDownload(url, { wording })
  } catch (failure) {
    return failure instanceof Error ? failure.message : printInstead
  }
  const link = document.createElement('a')
  link.href = URL.createObjectURL(file.blob)
  link.download = file.fileName ?? '导学案.pdf'
  document.body.append(link)
  link.click()
  link.remove()
  // The click has started the download; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(link.href), 0)
  return null
}
