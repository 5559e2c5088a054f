/**
 * A generated corpus of 导学案 for the search benchmark (SEARCH-1): titles and paragraphs are sentences
 * of the seed texts (`/work/shared/seeds`, Chinese reports of schools), drawn by a seeded random source,
 * so every run on every backend indexes the same documents.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import * as Y from 'yjs'
import { contentOf } from '../../shared/threads/thread-anchor.ts'
import { paragraph } from '../shared/threads/thread-fixtures.ts'
import { randomSource } from '../helpers/random-source.ts'

export const seedsDir = process.env.GONGBEI_SEEDS_DIR ?? '/work/shared/seeds'

/** The seed texts' sentences, each between 8 and 120 characters. */
export function seedSentences(dir: string = seedsDir): string[] {
  const sentences: string[] = []
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()) {
    for (const sentence of readFileSync(join(dir, file), 'utf8').split(/(?<=[。！？；\n])/)) {
      const trimmed = sentence.trim()
      if (trimmed.length >= 8 && trimmed.length <= 120) sentences.push(trimmed)
    }
  }
  if (sentences.length === 0) throw new Error(`no seed sentences in ${dir}`)
  return sentences
}

/** 课题 of the plans, across subjects: the seeds are reports, so the subject matter comes from here. */
const topics = [
  '一元一次方程',
  '等式的性质',
  '二元一次方程组',
  '一次函数的图像',
  '二次函数',
  '勾股定理',
  '全等三角形',
  '有理数的加法',
  '背影',
  '春',
  '济南的冬天',
  '文言文二则',
  '光的折射',
  '欧姆定律',
  '细胞的结构',
  'Unit 3 My school',
]

export interface CorpusDocument {
  title: string
  /** The document's content as one Yjs update: a paragraph per sentence. */
  update: Uint8Array
}

/** Document `index` of the corpus: a 课题 as title, its learning goal, then `paragraphs` - 1 sentences of the seeds. */
export function corpusDocument(sentences: readonly string[], index: number, paragraphs: number): CorpusDocument {
  const random = randomSource(index + 1)
  const pick = () => sentences[Math.floor(random() * sentences.length)]!
  const doc = new Y.Doc()
  const topic = topics[index % topics.length]!
  const body = [`学习目标：${topic}。${pick()}`, ...Array.from({ length: paragraphs - 1 }, pick)]
  contentOf(doc).push(body.map((text) => paragraph(text)))
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return { title: `${topic}（第${Math.floor(index / topics.length) + 1}稿）`, update }
}
