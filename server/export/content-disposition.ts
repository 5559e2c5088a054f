/**
 * `Content-Disposition: attachment` with the Chinese file name as RFC 6266/5987 `filename*` (UTF-8,
 * percent-encoded), and an ASCII `filename` for the rare client that reads only that one.
 */
export function attachmentHeader(fileName: string): string {
  const dot = fileName.lastIndexOf('.')
  const extension = dot > 0 ? fileName.slice(dot) : ''
  const asciiStem = (dot > 0 ? fileName.slice(0, dot) : fileName)
    .replace(/[^\x20-\x7e]+/g, ' ')
    .replace(/["\\;]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  const fallback = `${asciiStem || 'gongbei-export'}${extension.replace(/[^\x20-\x7e]/g, '')}`
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`
}

/** Percent-encodes everything outside RFC 5987's attr-char. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`,
  )
}
