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

/** The server's `{error: {code, message}}` carries an English message for developers; teachers get ours. */
function describeFailure(status: number): string {
  return messagesByStatus[status] ?? (status >= 500 ? '服务器出错了，请稍后再试' : `请求失败（${status}）`)
}

async function errorCode(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: { code?: unknown } }
    return typeof body.error?.code === 'string' ? body.error.code : 'unknown'
  } catch {
    return 'unknown'
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
    throw new ApiError(response.status, await errorCode(response), describeFailure(response.status))
  }
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}
