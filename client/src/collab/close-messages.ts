/**
 * What the editor tells the teacher when the server closes the document's connection.
 * Whether to reconnect is decided by `shouldReconnect` from shared/, so both ends agree.
 */
import { CloseCode, shouldReconnect, wsMessageTooBig } from '../../../shared/protocol/close-codes.ts'

export interface ConnectionProblem {
  message: string
  /** The client stopped reconnecting; only reloading (or logging in again) can help. */
  permanent: boolean
  /** Logging in again is the way out. */
  needsLogin: boolean
}

const sessionExpiredMessage = '登录已过期，请重新登录'

const permanentMessages: Record<number, string> = {
  [CloseCode.protocolError]: '与服务器通信出错，请刷新页面',
  [CloseCode.unauthorized]: sessionExpiredMessage,
  [CloseCode.forbidden]: '无权访问此文档',
  [CloseCode.documentNotFound]: '文档不存在',
  [CloseCode.schemaMismatch]: '客户端版本过旧，请刷新页面',
  [CloseCode.documentTooLarge]: '文档过大，无法继续保存修改',
  [CloseCode.awarenessTooLarge]: '与服务器通信出错，请刷新页面',
  [CloseCode.tooManyDeletions]: '一次删除的地方太多，无法保存',
  [wsMessageTooBig]: '单次修改内容过大，无法保存',
}

/** For sockets the server refused before the upgrade, once the HTTP API told us why. */
export const refusedProblems = {
  sessionExpired: { message: sessionExpiredMessage, permanent: true, needsLogin: true },
  /** The document list cannot tell a missing document from one we may not open. */
  documentNotAvailable: { message: '文档不存在，或你无权访问此文档', permanent: true, needsLogin: false },
} satisfies Record<string, ConnectionProblem>

/** `null` for closes that only mean the network went away: the save status already says 离线. */
export function connectionProblemForClose(code: number): ConnectionProblem | null {
  if (!shouldReconnect(code)) {
    const message = permanentMessages[code] ?? `连接被服务器拒绝（代码 ${code}），请刷新页面`
    return { message, permanent: true, needsLogin: code === CloseCode.unauthorized }
  }
  if (code === CloseCode.rateLimited) {
    return { message: '修改发送得太多太快，稍后自动重新连接，修改不会丢失', permanent: false, needsLogin: false }
  }
  // Changes waited too long for what they build on; the sync on reconnecting sends them whole, and the
  // save status already says 保存中.
  if (code === CloseCode.tooManyWaiting) return null
  if (code === CloseCode.accessChanged) {
    return { message: '教导处调整了你的权限，正在重新打开文档', permanent: false, needsLogin: false }
  }
  if (code === CloseCode.storageUnavailable) {
    return { message: '服务器暂时无法保存修改，修改已留在本机，正在重试', permanent: false, needsLogin: false }
  }
  if (code >= 4500 && code < 4600) {
    return { message: '服务器暂时无法打开此文档，正在重试', permanent: false, needsLogin: false }
  }
  return null
}
