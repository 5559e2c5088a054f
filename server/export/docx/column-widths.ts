/**
 * Word files carry their table column widths, and Word, WPS and LibreOffice lay tables out with them
 * rather than by content. Equal columns squeeze a question between a narrow 题号 and 分值, so each
 * column gets room by the longest text among its own cells, within bounds: a short label keeps room
 * for two characters, and no column takes more than a long line's share.
 */
import type { ExportBlock, TableCell } from '../../../shared/export/export-model.ts'

const fewestCharacters = 2
const mostCharacters = 24

export function columnWidths(rows: readonly (readonly TableCell[])[], total: number): number[] {
  const columns = Math.max(1, ...rows.map((cells) => cells.reduce((sum, cell) => sum + cell.colspan, 0)))
  const longest = Array.from({ length: columns }, () => fewestCharacters)
  for (const cells of rows) {
    let column = 0
    for (const cell of cells) {
      if (cell.colspan === 1 && column < columns) {
        longest[column] = Math.max(longest[column]!, Math.min(mostCharacters, longestLine(cell.blocks)))
      }
      column += cell.colspan
    }
  }
  const sum = longest.reduce((a, b) => a + b, 0)
  return longest.map((characters) => Math.floor((total * characters) / sum))
}

function longestLine(blocks: readonly ExportBlock[]): number {
  return Math.max(0, ...blocks.map((block) => [...textOf(block)].length))
}

function textOf(block: ExportBlock): string {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return block.inlines.map((inline) => inline.text).join('')
    case 'code':
      return block.text
    case 'list':
      return block.items.flat().map(textOf).join('')
    case 'quote':
    case 'section':
      return block.blocks.map(textOf).join('')
    case 'table':
    case 'rule':
      return ''
    case 'image':
      // As wide as the picture, in 小四 characters (16 px each at 96 dpi), so a figure in a cell gets its room.
      return '图'.repeat(Math.ceil((block.width ?? 0) / 16))
    default:
      return block satisfies never
  }
}
