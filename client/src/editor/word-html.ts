/**
 * Word's clipboard HTML made plain enough for the editor's parser. Word writes list items as paragraphs
 * styled `mso-list:l0 level2 lfo1` with the bullet or number as text in an `mso-list:Ignore` span, so
 * without this a pasted list arrives as paragraphs starting with “1.” or “·”. Headings, tables and
 * bold/italic already arrive as h1–h6, table and b/i/u, which the schema parses as they are.
 */

/** Whether clipboard HTML comes from Word (or WPS, which writes the same). */
export function isWordHtml(html: string): boolean {
  return /class="?Mso|urn:schemas-microsoft-com:office|mso-list/i.test(html)
}

const listStyle = /mso-list:\s*(l\d+)\s+level(\d+)/i
const orderedMarker = /^[(（]?([0-9]+|[a-zA-Z]|[ivxlcIVXLC]+|[一二三四五六七八九十]+)[.)）、．]/

interface OpenList {
  level: number
  list: HTMLElement
}

const droppedTags = new Set(['STYLE', 'META', 'LINK', 'XML', 'SCRIPT'])

/** Word's own elements (<o:p>, <w:sdt>, …) and what is no content; the text of Word's elements stays. */
function removeWordElements(root: Element): void {
  for (const element of [...root.querySelectorAll('*')]) {
    if (droppedTags.has(element.tagName.toUpperCase())) element.remove()
    else if (element.tagName.includes(':')) element.replaceWith(...element.childNodes)
  }
}

function removeComments(node: Node): void {
  for (const child of [...node.childNodes]) {
    // Conditional comments such as <![if !supportLists]> arrive as comments too.
    if (child.nodeType === 8) child.parentNode?.removeChild(child)
    else removeComments(child)
  }
}

/** The list item a Word list paragraph stands for, and its level and kind. */
function listItemOf(paragraph: HTMLElement): { level: number; ordered: boolean; item: HTMLElement } | null {
  const match = listStyle.exec(paragraph.getAttribute('style') ?? '')
  if (!match) return null
  const document = paragraph.ownerDocument
  const marker = [...paragraph.querySelectorAll('span')].find((span) =>
    /mso-list:\s*ignore/i.test(span.getAttribute('style') ?? ''),
  )
  const markerText = (marker?.textContent ?? '').replace(/\s|\u00a0/g, '')
  marker?.remove()
  const item = document.createElement('li')
  const body = document.createElement('p')
  while (paragraph.firstChild) body.appendChild(paragraph.firstChild)
  item.appendChild(body)
  return { level: Number(match[2]), ordered: orderedMarker.test(markerText), item }
}

/** Turns runs of Word list paragraphs inside `container` into nested ul/ol. */
function buildLists(container: Element): void {
  let open: OpenList[] = []
  for (const child of [...container.children]) {
    const entry = child.tagName === 'P' ? listItemOf(child as HTMLElement) : null
    if (!entry) {
      open = []
      buildLists(child)
      continue
    }
    while (open.length > 0 && open[open.length - 1]!.level > entry.level) open.pop()
    let current = open[open.length - 1]
    if (!current || current.level < entry.level) {
      const list = child.ownerDocument.createElement(entry.ordered ? 'ol' : 'ul')
      const parentItem = current?.list.lastElementChild
      if (parentItem) parentItem.appendChild(list)
      else child.before(list)
      current = { level: entry.level, list }
      open.push(current)
    }
    current.list.appendChild(entry.item)
    child.remove()
  }
}

/** Cleans `document` in place; call only for Word HTML. */
export function cleanWordDocument(document: Document): void {
  removeComments(document.body)
  removeWordElements(document.body)
  buildLists(document.body)
}

/** The editor's `transformPastedHTML`: Word HTML cleaned, anything else untouched. */
export function transformPastedWordHtml(html: string, parse: (html: string) => Document): string {
  if (!isWordHtml(html)) return html
  const document = parse(html)
  cleanWordDocument(document)
  return document.body.innerHTML
}
