/**
 * Which of the precompressed copies of a file to send, from the request's `Accept-Encoding`
 * (RFC 9110 §12.5.3): brotli before gzip, since it is smaller; an encoding with `q=0` is refused, and
 * `*` stands for any encoding not named. Without a usable one the file goes as it is.
 */
export type ContentEncoding = 'br' | 'gzip'

const preference: readonly ContentEncoding[] = ['br', 'gzip']

function weights(acceptEncoding: string): Map<string, number> {
  const result = new Map<string, number>()
  for (const part of acceptEncoding.split(',')) {
    const [name, ...parameters] = part.trim().toLowerCase().split(';')
    if (!name) continue
    const q = parameters
      .map((parameter) => /^\s*q\s*=\s*([\d.]+)\s*$/.exec(parameter)?.[1])
      .find((value) => value !== undefined)
    const weight = q === undefined ? 1 : Number(q)
    result.set(name, Number.isFinite(weight) ? weight : 0)
  }
  return result
}

export function chooseEncoding(
  acceptEncoding: string | undefined,
  available: ReadonlySet<ContentEncoding>,
): ContentEncoding | null {
  if (!acceptEncoding) return null
  const accepted = weights(acceptEncoding)
  const weightOf = (encoding: ContentEncoding) =>
    accepted.get(encoding) ?? (encoding === 'gzip' ? accepted.get('x-gzip') : undefined) ?? accepted.get('*') ?? 0
  return preference.find((encoding) => available.has(encoding) && weightOf(encoding) > 0) ?? null
}
