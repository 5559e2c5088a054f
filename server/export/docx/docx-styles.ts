/**
 * The printed look of an exported 导学案 in Word terms: A4, 宋体 小四 body at 1.5 lines, 黑体 titles,
 * and the numbering definitions lists use. Sizes are in half-points, lengths in twips (1/20 pt).
 *
 * Fonts are named by their Windows names (SimSun, SimHei), which Word and WPS resolve on any Chinese
 * system; the Latin half gets Times New Roman and Arial. LibreOffice maps the names to installed CJK
 * fonts (e.g. Noto Serif/Sans CJK) through fontconfig.
 */
import {
  AlignmentType,
  HeadingLevel,
  type IBaseParagraphStyleOptions,
  type INumberingOptions,
  type IRunOptions,
  LevelFormat,
  LineRuleType,
} from 'docx'

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
/** Line spacing in a table cell and the header form: a little under 1.5 lines, so forms stay compact. */
export const cellLineSpacing = 276
/** Single spacing, for a picture's line. */
export const singleLineSpacing = 240

/**
 * Line spacing in 240ths of a line, with its rule said: Word reads a `w:line` without `w:lineRule` as
 * proportional, but LibreOffice reads it as an exact height, which cuts every inline picture down to
 * one line's strip and clips tall glyphs.
 */
export function lineSpacing(line: number): { line: number; lineRule: typeof LineRuleType.AUTO } {
  return { line, lineRule: LineRuleType.AUTO }
}

/**
 * Languages of the text: without them LibreOffice takes the system's, and on many systems draws Chinese
 * with Japanese glyph shapes (门, 直, 骨 differ).
 */
export const documentLanguage = { value: 'en-US', eastAsia: 'zh-CN' }

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
export { teacherOnlyLabel } from '../../../shared/export/export-model.ts'
export const borderColor = '808080'

export const headingRun: IRunOptions = { font: heiti, bold: true }

/**
 * Section titles are Word's 标题 1 and a section's own headings 标题 2 and deeper, so that Word's and WPS's
 * navigation pane and LibreOffice's navigator list the plan's parts, and a table of contents can be made.
 */
export const sectionTitleHeading = HeadingLevel.HEADING_1
const headingLevels = [
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
]

/** The Word heading of a section's heading of `level` (1 is the first level inside a section). */
export function contentHeading(level: number): (typeof HeadingLevel)[keyof typeof HeadingLevel] {
  return headingLevels[Math.min(Math.max(level, 1), headingLevels.length) - 1]!
}

/**
 * The heading styles in the plan's own look (黑体, black, bold), replacing the library's blue ones, each
 * with its outline level: that is what the navigation pane lists.
 */
export function headingStyles(): Record<`heading${1 | 2 | 3 | 4 | 5 | 6}`, IBaseParagraphStyleOptions> {
  const heading = (outlineLevel: number, size: number, before: number, after: number): IBaseParagraphStyleOptions => ({
    run: { font: heiti, bold: true, size, color: '000000' },
    paragraph: { keepNext: true, outlineLevel, spacing: { before, after, ...lineSpacing(bodyLineSpacing) } },
  })
  return {
    heading1: heading(0, sectionTitleSize, 240, 120),
    heading2: heading(1, bodySize, 120, 0),
    heading3: heading(2, bodySize, 120, 0),
    heading4: heading(3, bodySize, 120, 0),
    heading5: heading(4, bodySize, 120, 0),
    heading6: heading(5, bodySize, 120, 0),
  }
}

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
      return {
        level,
        format,
        text: text(level),
        start: level === 0 ? start : 1,
        alignment: AlignmentType.START,
        style: levelIndent(level),
      }
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
