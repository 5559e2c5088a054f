/**
 * What a teacher reads when a request fails, decided here and nowhere else, from the error's code
 * (`shared/api/error-codes.ts`). Where the server knows the reason (a rule's refusal, a file it cannot
 * read) its message is written for teachers and shown as it is; where it cannot help her (a developer's
 * English, a proxy's page) she reads ours.
 */
import type { ErrorCode } from '../../../shared/api/error-codes.ts'

/** The server's codes, and ours for a request that got no answer (`network`) or none we know (`unknown`). */
export type FailureCode = ErrorCode | 'network' | 'unknown'

/** Our words for a code; `serverSays` when the server's Chinese message is the better one. */
interface Wording {
  text: string
  serverSays: boolean
}

const wordings: Record<FailureCode, Wording> = {
  invalid_request: { text: '请求内容有误', serverSays: true },
  unauthorized: { text: '请先登录', serverSays: false },
  forbidden: { text: '没有权限进行此操作', serverSays: true },
  not_found: { text: '要找的内容不存在', serverSays: false },
  payload_too_large: { text: '提交的内容过大', serverSays: true },
  unsupported_media_type: { text: '请求内容有误', serverSays: false },
  too_many_requests: { text: '操作过于频繁，请稍后再试', serverSays: true },
  unsupported_file: { text: '不支持这种文件', serverSays: true },
  unsafe_file: { text: '这个文件可能不安全，没有打开', serverSays: true },
  corrupt_file: { text: '这个文件已损坏，打不开', serverSays: true },
  pdf_unavailable: { text: '现在无法生成 PDF，请点“打印”，选择“另存为 PDF”', serverSays: true },
  password_change_required: { text: '请先修改密码', serverSays: false },
  service_unavailable: { text: '服务暂时不可用，请稍后再试', serverSays: true },
  internal: { text: '服务器出错了，请稍后再试', serverSays: false },
  network: { text: '无法连接服务器，请检查网络', serverSays: false },
  unknown: { text: '请求失败', serverSays: true },
}

/**
 * A request's own words for some codes, used instead of ours: what it means to the teacher that this
 * request failed (a picture not inserted: `network`, `internal`, `unknown`). The server's reason still
 * comes first where it gives one.
 */
export type FailureWording = Partial<Record<FailureCode, string>>

/** Whether a text was written for teachers: ours are Chinese, a library's or a proxy's are not. */
export function writtenForTeachers(text: string | null | undefined): text is string {
  return typeof text === 'string' && /[\u4e00-\u9fff]/.test(text)
}

/** The code of an answer: the server's when it sent one we know, else what its status means. */
export function failureCode(status: number, sent: ErrorCode | null): FailureCode {
  if (sent) return sent
  if (status === 0) return 'network'
  if (status >= 500) return 'internal'
  return statusCodes[status] ?? 'unknown'
}

const statusCodes: Partial<Record<number, ErrorCode>> = {
  400: 'invalid_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
}

export function teacherMessage(code: FailureCode, serverMessage: string | null, wording: FailureWording = {}): string {
  const ours = wordings[code]
  if (ours.serverSays && writtenForTeachers(serverMessage)) return serverMessage
  return wording[code] ?? ours.text
}

/** The message of a failure caught in the UI: ours are all worded (`ApiError`); anything else gets `fallback`. */
export function failureText(failure: unknown, fallback: string): string {
  return failure instanceof Error ? failure.message : fallback
}
