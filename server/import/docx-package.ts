/**
 * The safety checks of an uploaded .docx, before any library reads it: a zip (not an old .doc), a Word
 * package ([Content_Types].xml, word/document.xml), no macros, and no part that inflates beyond the
 * limits or beyond what the zip's directory declares. Every part a converter will read is inflated
 * here once, under a cap, so the converter afterwards only meets sizes already checked.
 */
import { limits } from '../../shared/limits.ts'
import { type UnkeptItem, unkeptItem } from '../../shared/import/unkept.ts'
import { corruptDocx, ImportRefusal, notDocx, tooLargeUpload } from './import-refusal.ts'
import { importLimits } from './import-limits.ts'
import {
  inflateEntry,
  looksLikeZip,
  readZipDirectory,
  type ZipEntry,
  ZipFormatError,
  ZipSizeMismatchError,
} from './zip-directory.ts'

export interface DocxPackage {
  /** The XML parts by name (word/document.xml, word/styles.xml, …), inflated. */
  xmlParts: Map<string, string>
  /** Parts dropped by design: macros' neighbours such as ActiveX controls, embedded objects. */
  dropped: UnkeptItem[]
}

const unsafe = (message: string) => new ImportRefusal('unsafe_file', message)
const zipBomb = () => unsafe('文件解压后异常巨大（疑似“压缩炸弹”），为安全起见不能导入')
const macros = () => unsafe('这个文档含有宏，为安全起见不能导入。请在 Word 中另存为“Word 文档（*.docx）”后再试')

/** Old binary .doc and password-protected .docx files are OLE compound files. */
function looksLikeCompoundFile(bytes: Uint8Array): boolean {
  const signature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]
  return bytes.length >= 8 && signature.every((byte, index) => bytes[index] === byte)
}

const isMedia = (name: string) => /^word\/media\//i.test(name)
/** Parts no converter reads: they are counted, never inflated. */
const isUnread = (name: string) => isMedia(name) || /^word\/(embeddings|activeX)\//i.test(name)
const isMacroPart = (name: string) => /(^|\/)vba(Project\.bin|Data\.xml)$/i.test(name)

function checkDeclaredSizes(entries: readonly ZipEntry[]): void {
  if (entries.length > importLimits.maxEntries) throw zipBomb()
  let total = 0
  for (const entry of entries) {
    const limit = isMedia(entry.name) ? importLimits.maxImageBytes : importLimits.maxEntryBytes
    if (entry.uncompressedSize > limit) {
      throw isMedia(entry.name) ? unsafe('文档里有过大的图片（单张超过 20 MB），请压缩图片后再导入') : zipBomb()
    }
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize)
    if (entry.uncompressedSize > importLimits.ratioFloorBytes && ratio > importLimits.maxCompressionRatio)
      throw zipBomb()
    total += entry.uncompressedSize
  }
  if (total > importLimits.maxTotalBytes) throw zipBomb()
}

function inflate(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  try {
    return inflateEntry(bytes, entry)
  } catch (error) {
    if (error instanceof ZipSizeMismatchError) throw zipBomb()
    if (error instanceof ZipFormatError) throw corruptDocx()
    throw error
  }
}

export function openDocxPackage(bytes: Uint8Array): DocxPackage {
  if (bytes.length > limits.maxUploadBytes) throw tooLargeUpload(limits.maxUploadBytes)
  if (looksLikeCompoundFile(bytes)) {
    throw new ImportRefusal(
      'unsupported_file',
      '这是旧版 Word 文档（.doc）或设置了密码的文档，请在 Word 或 WPS 中另存为 .docx（不设密码）后再导入',
    )
  }
  if (!looksLikeZip(bytes)) throw notDocx()
  let entries: ZipEntry[]
  try {
    entries = readZipDirectory(bytes)
  } catch (error) {
    if (error instanceof ZipFormatError) throw corruptDocx()
    throw error
  }
  const names = new Set(entries.map((entry) => entry.name))
  if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) throw notDocx()
  // Two parts of one name would let the check and the converter read different bytes.
  if (names.size !== entries.length) throw corruptDocx()
  if (entries.some((entry) => entry.encrypted)) throw unsafe('文档设置了密码，请取消密码后再导入')
  if (entries.some((entry) => isMacroPart(entry.name))) throw macros()
  checkDeclaredSizes(entries)

  const decoder = new TextDecoder('utf-8')
  const xmlParts = new Map<string, string>()
  for (const entry of entries) {
    if (isUnread(entry.name) || entry.name.endsWith('/')) continue
    const content = inflate(bytes, entry)
    if (/\.(xml|rels)$/i.test(entry.name)) xmlParts.set(entry.name, decoder.decode(content))
  }
  if (/macroEnabled|vbaProject/i.test(xmlParts.get('[Content_Types].xml') ?? '')) throw macros()

  const count = (pattern: RegExp) => entries.filter((entry) => pattern.test(entry.name)).length
  const dropped: UnkeptItem[] = []
  const activeX = count(/^word\/activeX\/activeX\d*\.xml$/i)
  if (activeX > 0) dropped.push(unkeptItem('activeX', activeX))
  const embedded = count(/^word\/embeddings\/[^/]+$/i)
  if (embedded > 0) dropped.push(unkeptItem('embeddedObjects', embedded))
  return { xmlParts, dropped }
}
