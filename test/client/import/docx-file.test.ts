import { describe, expect, it } from 'vitest'
import { docxFileProblem } from '../../../client/src/import/docx-file.ts'
import { limits } from '../../../shared/limits.ts'

describe('docxFileProblem', () => {
  it('lets a .docx within the limit through', () => {
    expect(docxFileProblem({ name: '背影 导学案.DOCX', size: 20_000 })).toBeNull()
  })

  it.each([
    [{ name: '旧教案.doc', size: 1000 }, /另存为 \.docx/],
    [{ name: '宏.docm', size: 1000 }, /宏/],
    [{ name: '照片.png', size: 1000 }, /请选择 Word 文档/],
    [{ name: '大.docx', size: limits.maxUploadBytes + 1 }, /不能超过 10 MB/],
    [{ name: '空.docx', size: 0 }, /空的/],
  ])('refuses %o before uploading', (file, message) => {
    expect(docxFileProblem(file)).toMatch(message)
  })
})
