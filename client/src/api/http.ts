/**
 * The one way the client talks HTTP to the server. Every failure becomes an `ApiError` whose message
 * is Chinese and fit to show as it is.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

const messagesByStatus: Record<number, string> = {
  400: '请求内容有误',
  401: '请先登录',
  403: '没有权限进行此操作',
  404: '要找的内容不存在',
  413: '提交的内容过大',
  429: '操作过于频繁，请稍后再试',
}

/**
 * Teachers read the server's message when it is written for them: the reason a rule refused an action
 * (403) or a request was invalid (400), in Chinese. Anything else, e.g. an English message meant for
 * developers, becomes ours.
 */
function describeFailure(status: number, serverMessage: string | null): string {
  if ((status === 400 || status === 403) && serverMessage && /[\u4e00-\u9fff]/.test(serverMessage)) return serverMessage
  return messagesByStatus[status] ?? (status >= 500 ? '服务器出错了，请稍后再试' : `请求失败（${status}）`)
}

async function errorOf(response: Response): Promise<{ code: string; message: string | null }> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } }
    return {
      code: typeof body.error?.code === 'string' ? body.error.code : 'unknown',
      message: typeof body.error?.message === 'string' ? body.error.message : null,
    }
  } catch {
    return { code: 'unknown', message: null }
  }
}

export async function apiRequest<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  } catch {
    throw new ApiError(0, 'network', '无法连接服务器，请检查网络')
  }
  if (!response.ok) {
    const { code, message } = await errorOf(response)
    throw new ApiError(response.status, code, describeFailure(response.status, message))
  }
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}
