/**
 * The one way the client talks HTTP to the server: JSON, uploads and downloads alike. Every failure
 * becomes an `ApiError` carrying the server's code and a message fit to show as it is
 * (`teacher-message.ts`).
 */
import { isErrorCode } from '../../../shared/api/error-codes.ts'
import { type FailureCode, type FailureWording, failureCode, teacherMessage } from './teacher-message.ts'

export class ApiError extends Error {
  constructor(
    /** 0 when no answer came. */
    readonly status: number,
    readonly code: FailureCode,
    message: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface ApiRequestInit {
  method?: string
  /** Sent as JSON. */
  body?: unknown
  /** Sent as it is, instead of `body`: a file form (multipart) or bytes whose type the `Blob` carries. */
  upload?: FormData | Blob
  /** This request's words for its failures (`teacher-message.ts`). */
  wording?: FailureWording
  /** Aborts the request, e.g. when the page that asked is gone; the abort is rethrown, not worded. */
  signal?: AbortSignal
}

async function errorOf(response: Response): Promise<{ code: FailureCode; message: string | null }> {
  let sent: { code?: unknown; message?: unknown } | undefined
  try {
    sent = ((await response.json()) as { error?: { code?: unknown; message?: unknown } }).error
  } catch {
    // Not our JSON (a proxy's page): the status says what happened.
  }
  return {
    code: failureCode(response.status, isErrorCode(sent?.code) ? sent.code : null),
    message: typeof sent?.message === 'string' ? sent.message : null,
  }
}

function bodyOf(init: ApiRequestInit, accept: string): { headers: Record<string, string>; body: BodyInit | undefined } {
  if (init.upload !== undefined) return { headers: { accept }, body: init.upload }
  if (init.body === undefined) return { headers: { accept }, body: undefined }
  return { headers: { accept, 'content-type': 'application/json' }, body: JSON.stringify(init.body) }
}

/** The answer when it is a success; otherwise the failure as an `ApiError`. */
/** `accept`: JSON for the API's answers, anything for a file (its failures are JSON all the same). */
async function send(path: string, init: ApiRequestInit, accept: string): Promise<Response> {
  const { headers, body } = bodyOf(init, accept)
  let response: Response
  try {
    response = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      body,
      signal: init.signal,
    })
  } catch (error) {
    if (init.signal?.aborted) throw error
    throw new ApiError(0, 'network', teacherMessage('network', null, init.wording))
  }
  if (!response.ok) {
    const { code, message } = await errorOf(response)
    throw new ApiError(response.status, code, teacherMessage(code, message, init.wording))
  }
  return response
}

export async function apiRequest<T>(path: string, init: ApiRequestInit = {}): Promise<T> {
  const response = await send(path, init, 'application/json')
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

export interface Download {
  blob: Blob
  /** From `Content-Disposition` (`filename*`), null when the server named none. */
  fileName: string | null
}

/** A file the server makes (an export), whole, for the browser to save. */
export async function apiDownload(path: string, init: ApiRequestInit = {}): Promise<Download> {
  const response = await send(path, init, '*/*')
  return { blob: await response.blob(), fileName: fileNameOf(response.headers.get('content-disposition')) }
}

function fileNameOf(disposition: string | null): string | null {
  const encoded = disposition && /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1]
  if (!encoded) return null
  try {
    return decodeURIComponent(encoded)
  } catch {
    return null
  }
}
