/** Why an uploaded file is refused, in words for the teacher; the route answers it as `{error}`. */
import type { ErrorCode } from '../../shared/api/error-codes.ts'

export type RefusalCode = Extract<ErrorCode, 'unsupported_file' | 'unsafe_file' | 'corrupt_file' | 'payload_too_large'>

export class ImportRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
  ) {
    super(message)
  }
}

export const notDocx = () => new ImportRefusal('unsupported_file', '这不是 Word 文档（.docx）')
export const corruptDocx = () =>
  new ImportRefusal('corrupt_file', '文件已损坏，无法读取其中的内容。请在 Word 或 WPS 中打开后另存为 .docx 再试')
export const tooLargeUpload = (maxBytes: number) =>
  new ImportRefusal('payload_too_large', `文件太大了：Word 文档不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB`)
