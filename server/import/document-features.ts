/**
 * What in a .docx's XML the 导学案 cannot hold, counted from the raw parts so the list does not depend
 * on which of these the converter happens to warn about.
 */
import { type UnkeptItem, unkeptItem } from '../../shared/import/unkept.ts'

function countIn(xml: string, pattern: RegExp): number {
  return xml.match(pattern)?.length ?? 0
}

function textOfPart(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((match) => match[1]).join('')
}

/** “第 1 页 共 3 页” and the like: nothing a teacher wrote. */
function isPageNumbersOnly(text: string): boolean {
  return /^[\s\d第页共/—\-–]*$/.test(text)
}

/** Items found in `word/document.xml` and its neighbours; images are counted by the converter. */
export function unkeptFeatures(xmlParts: ReadonlyMap<string, string>): UnkeptItem[] {
  const body = xmlParts.get('word/document.xml') ?? ''
  const items: UnkeptItem[] = []
  const add = (kind: UnkeptItem['kind'], count: number, counted = true) => {
    if (count > 0) items.push(unkeptItem(kind, counted ? count : null))
  }
  add('textBoxes', countIn(body, /<w:txbxContent[\s>]/g), false)
  add('footnotes', countIn(body, /<w:(footnote|endnote)Reference[\s/>]/g))
  add('comments', countIn(body, /<w:commentReference[\s/>]/g))
  add('equations', countIn(body, /<m:oMath[\s>]/g))
  add('trackedChanges', countIn(body, /<w:(ins|del)[\s>]/g), false)
  const headerFooterText = [...xmlParts].some(
    ([name, xml]) => /^word\/(header|footer)\d*\.xml$/.test(name) && !isPageNumbersOnly(textOfPart(xml)),
  )
  add('headersAndFooters', headerFooterText ? 1 : 0, false)
  add('formatting', countIn(body, /<w:(color|highlight|shd)\s/g), false)
  return items
}
