/**
 * Quotation marks, the ellipsis, the dash and the middle dot are shared by Chinese and Western text, and
 * Word and WPS draw them with the run's Latin font unless the run says its text is East Asian
 * (`w:hint="eastAsia"`): “合并同类项” would get Times New Roman's narrow quotes beside 宋体 characters.
 * A run with such a mark in a paragraph with Chinese text gets the hint; an English paragraph keeps its
 * Latin quotes.
 */
import type { IFontAttributesProperties } from 'docx'
import { songti } from './docx-styles.ts'

const sharedPunctuation = /[\u00B7\u2014\u2015\u2018\u2019\u201C\u201D\u2026\u203B]/
const han = /\p{Script=Han}/u

export function needsEastAsianHint(runText: string, paragraphText: string): boolean {
  return sharedPunctuation.test(runText) && han.test(paragraphText)
}

/**
 * The `font` option of a run: its own fonts (none: the body's), with the hint where it needs one. A hinted
 * run names all its fonts too, rather than leaving readers to complete a partial `w:rFonts`.
 */
export function runFont(
  runText: string,
  paragraphText: string,
  font?: IFontAttributesProperties,
): { font?: IFontAttributesProperties } {
  if (needsEastAsianHint(runText, paragraphText)) return { font: { ...(font ?? songti), hint: 'eastAsia' } }
  return font ? { font } : {}
}
