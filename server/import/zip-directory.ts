/**
 * Reads a zip's central directory without inflating anything, and inflates one entry with a hard cap,
 * so an upload's real size is known before any library unpacks it. Only what a .docx uses is read:
 * stored and deflated entries, no ZIP64, no encryption, no multi-disk archives.
 *
 * Why not fflate's `unzipSync`, which zips our exports: it inflates into a buffer of the size the directory
 * declares and drops whatever does not fit, with no error and no CRC check, so a zip that lies about its
 * sizes is truncated instead of refused, after its whole stream has been decoded (a 10 KB entry declaring
 * 100 bytes took a second); its streaming `Unzip` follows the local headers, not the central directory the
 * converters (mammoth's JSZip, exceljs) read, so it would check other bytes than they unpack.
 */
import { crc32, inflateRawSync } from 'node:zlib'

export interface ZipEntry {
  name: string
  /** 0 stored, 8 deflated. */
  method: number
  encrypted: boolean
  crc: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
}

/** A zip that cannot be read as one; the message is for logs, the caller words the refusal. */
export class ZipFormatError extends Error {}

const endOfDirectorySignature = 0x06054b50
const directoryEntrySignature = 0x02014b50
const localHeaderSignature = 0x04034b50
const endOfDirectoryLength = 22
const maxCommentLength = 0xffff

export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

function findEndOfDirectory(data: DataView): number {
  const earliest = Math.max(0, data.byteLength - endOfDirectoryLength - maxCommentLength)
  for (let offset = data.byteLength - endOfDirectoryLength; offset >= earliest; offset--) {
    if (data.getUint32(offset, true) === endOfDirectorySignature) return offset
  }
  throw new ZipFormatError('no end of central directory')
}

/** The entries as the central directory lists them; throws `ZipFormatError` if it is not readable. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const data = view(bytes)
  const end = findEndOfDirectory(data)
  const entryCount = data.getUint16(end + 10, true)
  const directorySize = data.getUint32(end + 12, true)
  const directoryOffset = data.getUint32(end + 16, true)
  if (data.getUint16(end + 4, true) !== 0 || data.getUint16(end + 6, true) !== 0) throw new ZipFormatError('multi-disk')
  if (entryCount === 0xffff || directoryOffset === 0xffffffff) throw new ZipFormatError('zip64')
  if (directoryOffset + directorySize > end) throw new ZipFormatError('directory out of bounds')

  const decoder = new TextDecoder('utf-8', { fatal: false })
  const entries: ZipEntry[] = []
  let offset = directoryOffset
  for (let index = 0; index < entryCount; index++) {
    if (offset + 46 > end || data.getUint32(offset, true) !== directoryEntrySignature) {
      throw new ZipFormatError('bad directory entry')
    }
    const nameLength = data.getUint16(offset + 28, true)
    const extraLength = data.getUint16(offset + 30, true)
    const commentLength = data.getUint16(offset + 32, true)
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      encrypted: (data.getUint16(offset + 8, true) & 1) === 1,
      method: data.getUint16(offset + 10, true),
      crc: data.getUint32(offset + 16, true),
      compressedSize: data.getUint32(offset + 20, true),
      uncompressedSize: data.getUint32(offset + 24, true),
      localHeaderOffset: data.getUint32(offset + 42, true),
    }
    if ([entry.compressedSize, entry.uncompressedSize, entry.localHeaderOffset].includes(0xffffffff)) {
      throw new ZipFormatError('zip64 entry')
    }
    entries.push(entry)
    offset += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/** Thrown when an entry inflates to more than its directory said: a zip bomb that lies about sizes. */
export class ZipSizeMismatchError extends Error {}

/**
 * The entry's bytes, inflated to at most its declared size; throws `ZipSizeMismatchError` if there is
 * more, `ZipFormatError` if the data is damaged (bad deflate stream, wrong checksum).
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(bytes)
  const local = entry.localHeaderOffset
  if (local + 30 > bytes.length || data.getUint32(local, true) !== localHeaderSignature) {
    throw new ZipFormatError('bad local header')
  }
  const start = local + 30 + data.getUint16(local + 26, true) + data.getUint16(local + 28, true)
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError('entry out of bounds')
  const compressed = bytes.subarray(start, start + entry.compressedSize)
  let content: Uint8Array
  if (entry.method === 0) {
    content = compressed
  } else if (entry.method === 8) {
    try {
      // One byte over the declared size is enough to know the directory lied.
      content = inflateRawSync(compressed, { maxOutputLength: entry.uncompressedSize + 1 })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ZipSizeMismatchError(entry.name)
      throw new ZipFormatError(`bad deflate data in ${entry.name}`)
    }
  } else {
    throw new ZipFormatError(`compression method ${entry.method}`)
  }
  if (content.length > entry.uncompressedSize) throw new ZipSizeMismatchError(entry.name)
  if (content.length < entry.uncompressedSize || crc32(content) !== entry.crc) {
    throw new ZipFormatError(`damaged entry ${entry.name}`)
  }
  return content
}
