/** Shared pieces of OpenAPI route definitions. */
import { apiError } from '../../shared/api/error-codes.ts'

const errorContent = { 'application/json': { schema: apiError } }

export function errorResponses(...statuses: (400 | 401 | 403 | 404 | 413 | 415 | 429 | 503)[]) {
  const descriptions = {
    400: '请求格式不正确',
    401: '未登录或登录已过期',
    403: '没有权限',
    404: '不存在',
    413: '请求过大',
    415: '请求内容的类型不对',
    429: '尝试次数过多',
    503: '暂时不可用，请稍后再试',
  }
  return Object.fromEntries(statuses.map((s) => [s, { description: descriptions[s], content: errorContent }]))
}

export function jsonContent<T>(schema: T) {
  return { 'application/json': { schema } }
}
