/** Chinese file names reach the browser intact: RFC 5987 `filename*`, with an ASCII fallback. */
import { describe, expect, it } from 'vitest'
import { attachmentHeader } from '../../../server/export/content-disposition.ts'

describe('attachmentHeader', () => {
  it('encodes the name as UTF-8 and keeps an ASCII fallback', () => {
    const header = attachmentHeader("3.1 一元一次方程（第1课时）-学生版's.docx")
    expect(header).toBe(
      `attachment; filename="3.1 1 - 's.docx"; filename*=UTF-8''3.1%20%E4%B8%80%E5%85%83%E4%B8%80%E6%AC%A1%E6%96%B9%E7%A8%8B%EF%BC%88%E7%AC%AC1%E8%AF%BE%E6%97%B6%EF%BC%89-%E5%AD%A6%E7%94%9F%E7%89%88%27s.docx`,
    )
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(header)![1]!)).toBe(
      "3.1 一元一次方程（第1课时）-学生版's.docx",
    )
  })

  it('falls back to a plain name when nothing is ASCII', () => {
    expect(attachmentHeader('集体备课记录.docx')).toMatch(/^attachment; filename="gongbei-export\.docx"; /)
  })
})
