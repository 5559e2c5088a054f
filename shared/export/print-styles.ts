/**
 * The print stylesheet of an `exportHtml` page, shared by the server's PDF and the client's print
 * view: A4, 宋体 小四 at 1.5 lines, 黑体 titles, page numbers at the bottom (第 X 页 共 Y 页).
 * Everything is scoped to `.export-page`, so the client can show it inside the app.
 *
 * Font lists name the Windows fonts first, then macOS, then the free CJK fonts Linux has.
 */
export const songtiFamily = '"SimSun", "宋体", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif'
export const heitiFamily =
  '"SimHei", "黑体", "Heiti SC", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif'

export const pageMargins = '20mm 22mm 22mm 22mm'

export const printStyles = `
@page { size: A4; margin: ${pageMargins}; @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font: 10.5pt ${songtiFamily}; } }
.export-page { font-family: ${songtiFamily}; font-size: 12pt; line-height: 1.5; color: #000; background: #fff; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.export-page h1, .export-page h2, .export-page h3, .export-page h4, .export-page h5, .export-page h6, .export-page th { font-family: ${heitiFamily}; }
.export-page .export-title { font-size: 18pt; text-align: center; margin: 0 0 2pt; }
.export-page .export-subtitle { font-size: 10.5pt; text-align: center; margin: 0 0 6pt; color: #333; }
.export-page .student-line { text-align: center; margin: 6pt 0; }
.export-page .student-line .blank { display: inline-block; width: 7em; border-bottom: 1px solid #000; }
.export-page .student-line .blank.short { width: 5em; }
.export-page table { border-collapse: collapse; width: 100%; margin: 4pt 0; page-break-inside: auto; }
.export-page tr { page-break-inside: avoid; }
.export-page th, .export-page td { border: 0.75pt solid #808080; padding: 2pt 4pt; vertical-align: top; line-height: 1.3; text-align: left; }
.export-page th { background: #f2f2f2; font-weight: normal; }
.export-page thead { display: table-header-group; }
.export-page .export-header col.label { width: 14%; }
.export-page .export-header th { text-align: center; }
.export-page .export-legend { font-size: 10.5pt; font-style: italic; }
.export-page h2 { font-size: 14pt; margin: 12pt 0 6pt; page-break-after: avoid; }
.export-page h3, .export-page h4, .export-page h5, .export-page h6 { font-size: 12pt; margin: 6pt 0 0; page-break-after: avoid; }
.export-page p { margin: 0; }
.export-page ol, .export-page ul { margin: 0; padding-left: 2em; }
.export-page blockquote { margin: 0 0 0 2em; padding-left: 6pt; border-left: 2pt solid #808080; }
.export-page pre { font-family: "Courier New", monospace; background: #ededed; white-space: pre-wrap; margin: 0; }
.export-page hr { border: 0; border-bottom: 0.75pt solid #808080; }
.export-page .teacher-only, .export-page .teacher-only th, .export-page .teacher-only td { background: #ededed; }
.export-page .teacher-only { border-left: 2pt solid #808080; padding-left: 4pt; }
.export-page .teacher-only-label, .export-page .change-label { font-weight: bold; }
.export-page ins { text-decoration: underline double; }
.export-page .change-added { text-decoration: underline double; }
.export-page del, .export-page .change-removed { text-decoration: line-through; }
.export-page .export-figure { margin: 4pt 0; page-break-inside: avoid; }
.export-page img.export-image { display: block; max-width: 100%; height: auto; }
.export-page .image-missing { display: inline-block; border: 0.75pt dashed #808080; padding: 2pt 6pt; }
`
