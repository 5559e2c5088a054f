/**
 * Copying out of a read-only page names its source as the editor's copy does (LIBRARY-11): every whole
 * block or section the selection covers goes into the clipboard's HTML with `data-block-source`, so a
 * paste into a plan keeps it as the block's `blockSource`. A block that names a source already keeps its
 * own. The page has no editor to map the selection for us, so the blocks are the rendered elements:
 * the body's own children and the blocks of its sections, as `sourcedBlocks` in the editor reads them.
 */
const sourceAttribute = 'data-block-source'

/**
 * Writes the selection inside `body` to `clipboard` with `source` on the blocks it covers and answers
 * true, or answers false and writes nothing when it covers no whole block (the browser's own copy is
 * as good then: a part of a line has no source).
 */
export function copyWithSource(clipboard: DataTransfer, body: HTMLElement, source: string): boolean {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return false
  const range = selection.getRangeAt(0)
  if (!body.contains(range.commonAncestorContainer)) return false
  const covered = [...body.querySelectorAll(':scope > *, :scope > section > .section-body > *')].filter((block) =>
    covers(range, block),
  )
  if (covered.length === 0) return false
  const marked = covered.filter((block) => !block.hasAttribute(sourceAttribute))
  for (const block of marked) block.setAttribute(sourceAttribute, source)
  const copied = document.createElement('div')
  copied.append(withCoveredAncestors(range, covered, body))
  for (const block of marked) block.removeAttribute(sourceAttribute)
  unwrapPartSections(copied)
  // Whole lines arrive as lines of their own, not merged into the line the caret is on with the loss of
  // their source: the slice is closed, as ProseMirror reads it.
  copied.firstElementChild?.setAttribute('data-pm-slice', '0 0 []')
  clipboard.setData('text/html', copied.innerHTML)
  clipboard.setData('text/plain', selection.toString())
  return true
}

/** Whether the selection holds all of the block: all its text, or the whole block when it has none. */
function covers(range: Range, block: Element): boolean {
  if (!range.intersectsNode(block)) return false
  const whole = document.createRange()
  whole.selectNodeContents(block)
  const fromStart = range.compareBoundaryPoints(Range.START_TO_START, whole) <= 0
  const toEnd = range.compareBoundaryPoints(Range.END_TO_END, whole) >= 0
  if (fromStart && toEnd) return true
  // A selection made by keys or a drag starts in the block's first text, not before it.
  const text = block.textContent ?? ''
  if (text === '') return false
  const part = range.cloneRange()
  if (fromStart) part.setStart(whole.startContainer, whole.startOffset)
  if (toEnd) part.setEnd(whole.endContainer, whole.endOffset)
  return part.toString() === text
}

/**
 * The selection's contents; a selection inside one covered block comes without the block itself, so it
 * is put back around them, with the elements between.
 */
function withCoveredAncestors(range: Range, covered: readonly Element[], body: HTMLElement): DocumentFragment {
  const contents = range.cloneContents()
  const start = range.commonAncestorContainer
  const ancestors: Element[] = []
  for (
    let node = start instanceof Element ? start : start.parentElement;
    node && node !== body;
    node = node.parentElement
  ) {
    ancestors.push(node)
    if (covered.includes(node)) break
  }
  const outermost = ancestors.at(-1)
  if (!outermost || !covered.includes(outermost)) return contents
  const outer = document.createDocumentFragment()
  let inner: Node = outer
  for (const ancestor of ancestors.reverse()) inner = inner.appendChild(ancestor.cloneNode(false))
  inner.appendChild(contents)
  return outer
}

/**
 * A section the selection covers only in part would be pasted as a section, with its title as a
 * heading nobody selected; its selected blocks come on their own instead.
 */
function unwrapPartSections(copied: HTMLElement): void {
  for (const section of copied.querySelectorAll(`section:not([${sourceAttribute}])`)) {
    const blocks = section.querySelector(':scope > .section-body')
    section.replaceWith(...(blocks ? blocks.childNodes : section.childNodes))
  }
}
