/**
 * An `ExportDocument` as HTML for printing: the markup of the PDF the server renders and of the
 * client's print view. Built from the model alone, every text and attribute escaped, links limited to
 * web and mail addresses, images only from `imageSrc`: nothing a document holds can become markup or script.
 */
import type { ChangeMark, ExportBlock, ExportDocument, Inline, TableCell } from './export-model.ts'
import { imageUrl } from '../images/image-url.ts'
import { safeHref } from './build-export.ts'
import { missingImageText } from './export-images.ts'
import { headerLines } from './header-layout.ts'

const changeLabels: Record<ChangeMark, string> = {
  added: '【二次备课·增】',
  removed: '【二次备课·删】',
  changed: '【二次备课·改】',
}
const teacherOnlyLabel = '<span class="teacher-only-label">【教师用】</span>'

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`)
}

/**
 * Where an image's bytes come from: its address for the print view in the browser (which sends the
 * reader's cookie), a data: URL for the server's PDF, whose page may fetch nothing; null prints the
 * placeholder.
 */
export type ImageSource = (imageId: string) => string | null

/** The printed document, an `<article class="export-page">`. */
export function exportHtml(model: ExportDocument, imageSrc: ImageSource = imageUrl): string {
  const parts = [`<h1 class="export-title">${escapeHtml(model.title)}</h1>`]
  if (model.subtitle) parts.push(`<p class="export-subtitle">${escapeHtml(model.subtitle)}</p>`)
  if (model.studentLine)
    parts.push(
      '<p class="student-line">班级 <span class="blank"></span>　姓名 <span class="blank"></span>　学号 <span class="blank short"></span></p>',
    )
  if (model.header.length > 0) parts.push(headerTable(model))
  if (model.legend) parts.push(`<p class="export-legend">${escapeHtml(model.legend)}</p>`)
  parts.push(blocksHtml(model.blocks, false, imageSrc))
  return `<article class="export-page edition-${model.edition}">${parts.join('')}</article>`
}

function headerTable(model: ExportDocument): string {
  const cell = (label: string, value: string, span = 1) =>
    `<th>${escapeHtml(label)}</th><td${span > 1 ? ` colspan="${span}"` : ''}>${escapeHtml(value)}</td>`
  const rows = headerLines(model.header).map(
    (line) =>
      `<tr>${line.length === 2 ? line.map((row) => cell(row.label, row.value)).join('') : cell(line[0].label, line[0].value, 3)}</tr>`,
  )
  return `<table class="export-header"><colgroup><col class="label"><col><col class="label"><col></colgroup><tbody>${rows.join('')}</tbody></table>`
}

function blocksHtml(blocks: readonly ExportBlock[], insideTeacherOnly: boolean, imageSrc: ImageSource): string {
  return blocks.map((block) => blockHtml(block, insideTeacherOnly, imageSrc)).join('')
}

function blockHtml(block: ExportBlock, insideTeacherOnly: boolean, imageSrc: ImageSource): string {
  const labelled = block.teacherOnly && !insideTeacherOnly
  const inner = insideTeacherOnly || block.teacherOnly
  const classes = [labelled ? 'teacher-only' : '', block.change ? `change-${block.change}` : '']
    .filter(Boolean)
    .join(' ')
  const classAttribute = classes ? ` class="${classes}"` : ''
  const label = labelled ? teacherOnlyLabel : ''
  const changeLabel = block.change ? `<span class="change-label">${changeLabels[block.change]}</span>` : ''
  switch (block.kind) {
    case 'section':
      return `<section class="export-section${labelled ? ' teacher-only' : ''}"><h2>${escapeHtml(`${block.number}、${block.title}`)}${label}</h2>${blocksHtml(block.blocks, inner, imageSrc)}</section>`
    case 'paragraph':
      return `<p${classAttribute}>${label}${changeLabel}${inlinesHtml(block.inlines)}</p>`
    case 'heading': {
      const level = Math.min(6, Math.max(3, block.level + 2))
      return `<h${level}${classAttribute}>${label}${changeLabel}${inlinesHtml(block.inlines)}</h${level}>`
    }
    case 'list': {
      const items = block.items.map((item) => `<li>${blocksHtml(item, inner, imageSrc)}</li>`).join('')
      const list = block.ordered
        ? `<ol${block.start !== 1 ? ` start="${block.start}"` : ''}>${items}</ol>`
        : `<ul>${items}</ul>`
      return labelled ? `<div class="teacher-only">${label}${list}</div>` : list
    }
    case 'table':
      return `<div${classAttribute}>${label}<table class="export-table"><tbody>${block.rows.map((row) => `<tr>${row.map((cell) => cellHtml(cell, inner, imageSrc)).join('')}</tr>`).join('')}</tbody></table></div>`
    case 'quote':
      return `<blockquote${classAttribute}>${label}${blocksHtml(block.blocks, inner, imageSrc)}</blockquote>`
    case 'code':
      return `<pre${classAttribute}>${label}${changeLabel}${escapeHtml(block.text)}</pre>`
    case 'rule':
      return '<hr>'
    case 'image': {
      const src = block.imageId ? imageSrc(block.imageId) : null
      const content = src
        ? `<img class="export-image" src="${escapeHtml(src)}" alt="${escapeHtml(block.alt)}"${block.width ? ` width="${block.width}"` : ''}${block.height ? ` height="${block.height}"` : ''}>`
        : `<span class="image-missing">${escapeHtml(missingImageText(block.alt))}</span>`
      return `<p class="export-figure${labelled ? ' teacher-only' : ''}">${label}${content}</p>`
    }
    default:
      return block satisfies never
  }
}

function cellHtml(cell: TableCell, insideTeacherOnly: boolean, imageSrc: ImageSource): string {
  const tag = cell.header ? 'th' : 'td'
  const spans = `${cell.colspan > 1 ? ` colspan="${cell.colspan}"` : ''}${cell.rowspan > 1 ? ` rowspan="${cell.rowspan}"` : ''}`
  return `<${tag}${spans}>${blocksHtml(cell.blocks, insideTeacherOnly, imageSrc)}</${tag}>`
}

function inlinesHtml(inlines: readonly Inline[]): string {
  return inlines
    .map((inline) => {
      if ('lineBreak' in inline) return '<br>'
      let html = escapeHtml(inline.text)
      if (inline.code) html = `<code>${html}</code>`
      if (inline.bold) html = `<strong>${html}</strong>`
      if (inline.italic) html = `<em>${html}</em>`
      if (inline.underline) html = `<u>${html}</u>`
      if (inline.strike) html = `<s>${html}</s>`
      const href = inline.link ? safeHref(inline.link) : null
      if (href) html = `<a href="${escapeHtml(href)}">${html}</a>`
      if (inline.change === 'added') html = `<ins>${html}</ins>`
      if (inline.change === 'removed') html = `<del>${html}</del>`
      return html
    })
    .join('')
}
