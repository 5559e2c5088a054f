/** What the client checks of a chosen file before uploading it, with the server's own limit. */
import { limits } from '../../../shared/limits.ts'

export const maxUploadMegabytes = Math.round(limits.maxUploadBytes / 1024 / 1024)

/** Why the file cannot be imported, or null if it may be uploaded. */
export function docxFileProblem(file: { name: string; size: number }): string | null {
  const name = file.name.toLowerCase()
  if (name.endsWith('.doc') || name.endsWith('.wps')) return '这是旧版文档，请先在 Word 或 WPS 中另存为 .docx 再导入'
  if (name.endsWith('.docm')) return '含宏的文档（.docm）不能导入，请另存为 .docx 再试'
  if (!name.endsWith('.docx')) return '请选择 Word 文档（.docx）'
  if (file.size > limits.maxUploadBytes) return `文件太大了：Word 文档不能超过 ${maxUploadMegabytes} MB`
  if (file.size === 0) return '这个文件是空的'
  return null
}
