/**
 * Reads a .docx without the library that wrote it: unzip, then parse word/document.xml, the footers,
 * numbering.xml and the document defaults of styles.xml with an XML parser, and describe the body as
 * paragraphs and tables in order.
 */
import { type Document, type Element, DOMParser } from '@xmldom/xmldom'
import { strFromU8, unzipSync } from 'fflate'

const w = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'

/** `w:rFonts` and `w:sz` (half-points) of a run, or of the document defaults; null where not set. */
export interface ReadRunProperties {
  fonts: { ascii: string; hAnsi: string; eastAsia: string; cs: string } | null
  size: number | null
}

export interface ReadRun extends ReadRunProperties {
  text: string
}

export interface ReadParagraph {
  kind: 'paragraph'
  text: string
  runs: ReadRun[]
  /** `w:numId` of a Word list paragraph, null for an ordinary one. */
  numId: string | null
  level: number | null
  shaded: boolean
  /** Text of runs struck through, and of runs with a double underline. */
  struck: string
  doubleUnderlined: string
  bold: string
}

export interface ReadTable {
  kind: 'table'
  rows: string[][]
}

/** A picture of the body: the part it is stored in, its bytes, its printed size and its alt text. */
export interface ReadImage {
  /** e.g. word/media/image1.png */
  part: string
  bytes: Uint8Array
  widthEmu: number
  heightEmu: number
  description: string
}

export interface ReadDocx {
  body: (ReadParagraph | ReadTable)[]
  paragraphs: ReadParagraph[]
  tables: ReadTable[]
  /** Every text of the body, paragraphs joined by newlines. */
  text: string
  /** Field codes of the footers, e.g. PAGE, NUMPAGES. */
  footerFields: string[]
  footerText: string
  /** Numbering formats by numId: decimal, bullet, … of level 0. */
  listFormats: Map<string, string>
  images: ReadImage[]
  files: string[]
  /** `w:pgSz` of the body's section, in twips. */
  page: { width: number; height: number }
  /** What a run without properties of its own gets: `w:docDefaults` of styles.xml. */
  defaultRun: ReadRunProperties
}

/** One XML part of a .docx, parsed, for checks on markup the description above leaves out. */
export function docxPart(bytes: Uint8Array, name: string): Document {
  const file = unzipSync(bytes)[name]
  if (!file) throw new Error(`${name} missing from the .docx`)
  return new DOMParser().parseFromString(strFromU8(file), 'text/xml')
}

/** The elements named `w:<localName>` under `root`. */
export function wordElements(root: Document | Element, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(w, localName))
}

/** A `w:` attribute of a WordprocessingML element, or null. */
export function wordAttribute(element: Element, name: string): string | null {
  return element.getAttributeNS(w, name)
}

export function readDocx(bytes: Uint8Array): ReadDocx {
  const files = unzipSync(bytes)
  const xml = (name: string) => {
    const file = files[name]
    if (!file) throw new Error(`${name} missing from the .docx`)
    return new DOMParser().parseFromString(strFromU8(file), 'text/xml')
  }
  const document = xml('word/document.xml')
  const body = children(document.getElementsByTagNameNS(w, 'body')[0]!)
    .filter((node) => node.localName === 'p' || node.localName === 'tbl')
    .map((node) => (node.localName === 'p' ? paragraph(node) : table(node)))
  const footers = Object.keys(files).filter((name) => /^word\/footer\d*\.xml$/.test(name))
  const footerFields: string[] = []
  let footerText = ''
  for (const name of footers) {
    const footer = xml(name)
    for (const instruction of Array.from(footer.getElementsByTagNameNS(w, 'instrText')))
      footerFields.push((instruction.textContent ?? '').trim())
    for (const simple of Array.from(footer.getElementsByTagNameNS(w, 'fldSimple')))
      footerFields.push((simple.getAttributeNS(w, 'instr') ?? '').trim())
    footerText += textOf(footer.documentElement!)
  }
  const paragraphs = body.filter((item): item is ReadParagraph => item.kind === 'paragraph')
  const pageSize = document.getElementsByTagNameNS(w, 'pgSz')[0]
  const defaults = xml('word/styles.xml').getElementsByTagNameNS(w, 'rPrDefault')[0]
  const defaultProperties = defaults && child(defaults, 'rPr')
  return {
    body,
    paragraphs,
    tables: body.filter((item): item is ReadTable => item.kind === 'table'),
    text: allParagraphs(document.documentElement!)
      .map((p) => textOf(p))
      .join('\n'),
    footerFields,
    footerText,
    listFormats: files['word/numbering.xml']
      ? listFormats(xml('word/numbering.xml').documentElement!)
      : new Map<string, string>(),
    images: files['word/_rels/document.xml.rels']
      ? images(document.documentElement!, xml('word/_rels/document.xml.rels').documentElement!, files)
      : [],
    files: Object.keys(files),
    page: { width: Number(pageSize?.getAttributeNS(w, 'w')), height: Number(pageSize?.getAttributeNS(w, 'h')) },
    defaultRun: runProperties(defaultProperties),
  }
}

function runProperties(properties: Element | undefined): ReadRunProperties {
  const fonts = properties && child(properties, 'rFonts')
  const size = properties && child(properties, 'sz')
  const font = (name: string) => fonts!.getAttributeNS(w, name) ?? ''
  return {
    fonts: fonts ? { ascii: font('ascii'), hAnsi: font('hAnsi'), eastAsia: font('eastAsia'), cs: font('cs') } : null,
    size: size ? Number(size.getAttributeNS(w, 'val')) : null,
  }
}

const drawing = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing'
const drawingMain = 'http://schemas.openxmlformats.org/drawingml/2006/main'
const relationships = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

/** Inline pictures: their extent and alt text in document.xml, their part through the relationship their blip names. */
function images(body: Element, rels: Element, files: Record<string, Uint8Array>): ReadImage[] {
  const targets = new Map(
    Array.from(rels.getElementsByTagName('Relationship')).map((rel) => [
      rel.getAttribute('Id'),
      rel.getAttribute('Target'),
    ]),
  )
  return Array.from(body.getElementsByTagNameNS(drawing, 'inline')).map((inline) => {
    const extent = inline.getElementsByTagNameNS(drawing, 'extent')[0]!
    const blip = inline.getElementsByTagNameNS(drawingMain, 'blip')[0]!
    const part = `word/${targets.get(blip.getAttributeNS(relationships, 'embed'))}`
    const bytes = files[part]
    if (!bytes) throw new Error(`${part} missing from the .docx`)
    return {
      part,
      bytes,
      widthEmu: Number(extent.getAttribute('cx')),
      heightEmu: Number(extent.getAttribute('cy')),
      description: inline.getElementsByTagNameNS(drawing, 'docPr')[0]?.getAttribute('descr') ?? '',
    }
  })
}

function children(element: Element): Element[] {
  return Array.from(element.childNodes).filter((node): node is Element => node.nodeType === 1)
}

function child(element: Element, name: string): Element | undefined {
  return children(element).find((node) => node.localName === name)
}

function allParagraphs(root: Element): Element[] {
  return Array.from(root.getElementsByTagNameNS(w, 'p'))
}

/** Text of the runs under `element`, with line breaks as newlines. */
function textOf(element: Element): string {
  let text = ''
  for (const node of Array.from(element.getElementsByTagNameNS(w, '*'))) {
    if (node.localName === 't') text += node.textContent ?? ''
    if (node.localName === 'br') text += '\n'
  }
  return text
}

function paragraph(element: Element): ReadParagraph {
  const properties = child(element, 'pPr')
  const numbering = properties && child(properties, 'numPr')
  const runs = Array.from(element.getElementsByTagNameNS(w, 'r'))
  const runsWith = (test: (properties: Element) => boolean) =>
    runs
      .filter((run) => {
        const runProperties = child(run, 'rPr')
        return runProperties !== undefined && test(runProperties)
      })
      .map((run) => textOf(run))
      .join('')
  return {
    kind: 'paragraph',
    text: textOf(element),
    runs: runs.map((run) => ({ text: textOf(run), ...runProperties(child(run, 'rPr')) })),
    numId: numbering ? (child(numbering, 'numId')?.getAttributeNS(w, 'val') ?? null) : null,
    level: numbering ? Number(child(numbering, 'ilvl')?.getAttributeNS(w, 'val') ?? 0) : null,
    shaded: properties !== undefined && child(properties, 'shd') !== undefined,
    struck: runsWith((p) => child(p, 'strike') !== undefined),
    doubleUnderlined: runsWith((p) => child(p, 'u')?.getAttributeNS(w, 'val') === 'double'),
    bold: runsWith((p) => child(p, 'b') !== undefined),
  }
}

function table(element: Element): ReadTable {
  return {
    kind: 'table',
    rows: children(element)
      .filter((node) => node.localName === 'tr')
      .map((row) =>
        children(row)
          .filter((node) => node.localName === 'tc')
          .map((cell) =>
            allParagraphs(cell)
              .map((p) => textOf(p))
              .join('\n'),
          ),
      ),
  }
}

function listFormats(numbering: Element): Map<string, string> {
  const abstractFormats = new Map<string, string>()
  for (const abstract of children(numbering).filter((node) => node.localName === 'abstractNum')) {
    const level0 = children(abstract).find((node) => node.localName === 'lvl' && node.getAttributeNS(w, 'ilvl') === '0')
    const format = level0 && child(level0, 'numFmt')?.getAttributeNS(w, 'val')
    abstractFormats.set(abstract.getAttributeNS(w, 'abstractNumId') ?? '', format ?? '')
  }
  const formats = new Map<string, string>()
  for (const num of children(numbering).filter((node) => node.localName === 'num')) {
    const abstractId = child(num, 'abstractNumId')?.getAttributeNS(w, 'val') ?? ''
    formats.set(num.getAttributeNS(w, 'numId') ?? '', abstractFormats.get(abstractId) ?? '')
  }
  return formats
}
