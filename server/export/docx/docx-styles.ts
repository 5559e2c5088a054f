/**
 * The printed look of an exported 导学案 in Word terms: A4, 宋体 小四 body at 1.5 lines, 黑体 titles,
 * and the numbering definitions lists use. Sizes are in half-points, lengths in twips (1/20 pt).
 *
 * Fonts are named by their Windows names (SimSun, SimHei), which Word and WPS resolve on any Chinese
 * system; the Latin half gets Times New Roman and Arial. LibreOffice maps the names to installed CJK
 * fonts (e.g. Noto Serif/Sans CJK) through fontconfig.
 */
import { AlignmentType, type INumberingOptions, type IRunOptions, LevelFormat } from 'docx'

/** 小四 */
export const bodySize = 24
/** 五号, for the footer and notes. */
export const smallSize = 21
/** 四号, section titles. */
export const sectionTitleSize = 28
/** 小二, the document title. */
export const titleSize = 36
/** 1.5 lines: 240 is single spacing. */
export const bodyLineSpacing = 360

export const songti = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: 'SimSun', cs: 'Times New Roman' }
export const heiti = { ascii: 'Arial', hAnsi: 'Arial', eastAsia: 'SimHei', cs: 'Arial' }
export const monospace = { ascii: 'Courier New', hAnsi: 'Courier New', eastAsia: 'SimSun', cs: 'Courier New' }

export const a4 = { width: 11906, height: 16838 }
/** 2.2 cm left and right, 2 cm top and bottom: room for binding and for notes in the margin. */
export const pageMargins = { top: 1134, bottom: 1134, left: 1247, right: 1247, header: 567, footer: 567 }
export const textWidth = a4.width - pageMargins.left - pageMargins.right

/** Two Chinese characters at 小四: the usual indent of a list and of a quotation. */
export const indentStep = 480

/** Light grey fill of 教师用 passages: visible on paper, still legible in black and white. */
export const teacherOnlyFill = 'EDEDED'
export const teacherOnlyLabel = '【教师用】'
export const borderColor = '808080'

export const headingRun: IRunOptions = { font: heiti, bold: true }

export const listReferences = { bullet: 'bullet-list', ordered: 'ordered-list' } as const

const orderedFormats = [
  { format: LevelFormat.DECIMAL, text: (level: number) => `%${level + 1}.` },
  { format: LevelFormat.DECIMAL, text: (level: number) => `(%${level + 1})` },
  { format: LevelFormat.LOWER_LETTER, text: (level: number) => `%${level + 1})` },
]
const bulletSymbols = ['●', '○', '■']

function levelIndent(level: number) {
  return { paragraph: { indent: { left: indentStep * (level + 1), hanging: indentStep } } }
}

/** Ordered lists starting at another number than 1 get their own definition, `ordered-list-<start>`. */
export function orderedReference(start: number): string {
  return start === 1 ? listReferences.ordered : `${listReferences.ordered}-${start}`
}

export function numberingConfig(orderedStarts: Iterable<number>): INumberingOptions {
  const ordered = (start: number) => ({
    reference: orderedReference(start),
    levels: Array.from({ length: 9 }, (_, level) => {
      const { format, text } = orderedFormats[level % orderedFormats.length]!
      return { level, format, text: text(level), start: level === 0 ? start : 1, alignment: AlignmentType.START, style: levelIndent(level) }
    }),
  })
  return {
    config: [
      {
        reference: listReferences.bullet,
        levels: Array.from({ length: 9 }, (_, level) => ({
          level,
          format: LevelFormat.BULLET,
          text: bulletSymbols[level % bulletSymbols.length]!,
          alignment: AlignmentType.START,
          style: levelIndent(level),
        })),
      },
      ...[...new Set([1, ...orderedStarts])].map(ordered),
    ],
  }
}
