/**
 * The typing workload: real editing traces (see /work/shared/traces/README.md) replayed as Chinese.
 * Every writer replays consecutive transactions of one trace from its own offset. Each inserted character
 * becomes the next character of a Chinese passage from the seeds, so positions stay those of the trace
 * while the text, and its UTF-8 size, is that of a real 导学案.
 */
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import { randomSource } from '../helpers/random-source.ts'

export const sharedDir = process.env.GONGBEI_SHARED_DIR ?? '/work/shared'
export const traceNames = ['automerge-paper', 'seph-blog1'] as const

/** One trace patch: at `pos`, delete `del` characters, then insert `ins`. */
export type Patch = readonly [pos: number, del: number, ins: string]

interface SequentialTrace {
  txns: { patches: Patch[] }[]
}

export interface WriterScript {
  trace: string
  /** Index of the first replayed transaction in the trace. */
  offset: number
  /** The writer's section as it stood before transaction `offset`. */
  initialText: string
  /** One entry per operation: the patches of one trace transaction, applied in one Yjs transaction. */
  ops: Patch[][]
}

/** Documents between these lengths are a realistic size for one teacher's part of a 导学案. */
const minStartLength = 1500
const maxStartLength = 6000

export function loadChinesePassage(): string {
  const text = readFileSync(`${sharedDir}/seeds/000_4da1375f252a82bb.txt`, 'utf8')
  // Only characters that take three bytes in UTF-8 and one UTF-16 unit, like typed Chinese.
  const chars = [...text].filter((c) => {
    const code = c.codePointAt(0) ?? 0
    return code >= 0x3000 && code <= 0xffff
  })
  return chars.join('')
}

function loadTrace(name: string): SequentialTrace {
  const raw = gunzipSync(readFileSync(`${sharedDir}/traces/${name}.json.gz`))
  return JSON.parse(raw.toString('utf8')) as SequentialTrace
}

class ChineseMapper {
  private next = 0
  constructor(private readonly passage: string) {}
  map(inserted: string): string {
    let out = ''
    for (let i = 0; i < inserted.length; i++) {
      out += this.passage[this.next % this.passage.length]
      this.next++
    }
    return out
  }
}

function applyPatch(text: string, [pos, del, ins]: Patch): string {
  return text.slice(0, pos) + ins + text.slice(pos + del)
}

/**
 * Builds `writers` scripts of `opsPerWriter` operations each. Writer i replays trace i mod 2, starting at a
 * pseudo-random transaction where that trace's document is between 1,500 and 6,000 characters long.
 */
export function buildWriterScripts(writers: number, opsPerWriter: number, seed = 1): WriterScript[] {
  const passage = loadChinesePassage()
  const random = randomSource(seed)
  const traces = traceNames.map((name) => ({ name, trace: loadTrace(name) }))
  const candidates = traces.map(({ trace }) => startCandidates(trace, opsPerWriter))
  const scripts: WriterScript[] = []
  for (let w = 0; w < writers; w++) {
    const which = w % traces.length
    const { name, trace } = traces[which]!
    const starts = candidates[which]!
    const offset = starts[Math.floor(random() * starts.length)]!
    // The mapper starts at a different place of the passage for each writer, so sections differ.
    const mapper = new ChineseMapper(passage.slice(Math.floor(random() * passage.length)) + passage)
    let text = ''
    for (let t = 0; t < offset; t++) {
      for (const [pos, del, ins] of trace.txns[t]!.patches) text = applyPatch(text, [pos, del, mapper.map(ins)])
    }
    const ops = trace.txns
      .slice(offset, offset + opsPerWriter)
      .map((txn) => txn.patches.map(([pos, del, ins]): Patch => [pos, del, mapper.map(ins)]))
    scripts.push({ trace: name, offset, initialText: text, ops })
  }
  return scripts
}

/** Transaction indices where the document length is in range and enough transactions follow. */
function startCandidates(trace: SequentialTrace, opsNeeded: number): number[] {
  const starts: number[] = []
  let length = 0
  const last = trace.txns.length - opsNeeded
  for (let t = 0; t < last; t++) {
    if (length >= minStartLength && length <= maxStartLength) starts.push(t)
    for (const [, del, ins] of trace.txns[t]!.patches) length += ins.length - del
  }
  if (starts.length === 0) throw new Error(`no start offset leaves ${opsNeeded} operations in the trace`)
  return starts
}
