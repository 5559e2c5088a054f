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
export type TraceName = (typeof traceNames)[number]

/** One trace patch: at `pos`, delete `del` characters, then insert `ins`. */
export type Patch = readonly [pos: number, del: number, ins: string]

interface SequentialTrace {
  txns: { patches: Patch[] }[]
}

export interface WriterScript {
  trace: string
  /** Index of the first replayed transaction in the trace. */
  offset: number
  /** The writer's section as it stood before transaction `offset` (empty when grown from `history`). */
  initialText: string
  /** Grown writers: the trace before `offset`, in batches, replayed before the measurement. */
  history: Patch[][][]
  /** One entry per operation: the patches of one trace transaction, applied in one Yjs transaction. */
  ops: Patch[][]
}

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

/** How a writer's operations are taken from its trace. */
export interface ScriptShape {
  /**
   * `typing` replays the trace forwards, as it was written. `deleting` replays it backwards and keeps only
   * the removal of what each transaction typed, so every operation is a deletion at a place the trace
   * wrote to: a teacher cutting a section back, backspace by backspace.
   */
  mode: 'typing' | 'deleting'
  /** Length range, in characters, of the writer's section where its operations start. */
  startLength: readonly [number, number]
  /**
   * Writers start from an empty section and first replay the trace up to their starting point as
   * `history` (batches of transactions), so the document is grown edit by edit rather than pasted.
   */
  grown: boolean
  /** The traces writers take turns with. (`seph-blog1` starts with a 4,061-character paste.) */
  traces: readonly TraceName[]
}

export const typingShape: ScriptShape = { mode: 'typing', startLength: [1500, 6000], grown: false, traces: traceNames }

/** Trace transactions per batch of a grown writer's history: one Yjs transaction, one update. */
const historyBatch = 400

/**
 * Builds `writers` scripts of `opsPerWriter` operations each. Writer i replays trace i mod (traces) from a
 * pseudo-random but fixed transaction where that trace's document length is in `shape.startLength`.
 */
export function buildWriterScripts(
  writers: number,
  opsPerWriter: number,
  shape: ScriptShape = typingShape,
  seed = 1,
): WriterScript[] {
  const passage = loadChinesePassage()
  const random = randomSource(seed)
  const traces = shape.traces.map((name) => ({ name, trace: loadTrace(name) }))
  const candidates = traces.map(({ trace }) => startCandidates(trace, opsPerWriter, shape))
  const scripts: WriterScript[] = []
  for (let w = 0; w < writers; w++) {
    const which = w % traces.length
    const { name, trace } = traces[which]!
    const starts = candidates[which]!
    const offset = starts[Math.floor(random() * starts.length)]!
    // The mapper starts at a different place of the passage for each writer, so sections differ.
    const mapper = new ChineseMapper(passage.slice(Math.floor(random() * passage.length)) + passage)
    const before = trace.txns
      .slice(0, offset)
      .map((txn) => txn.patches.map(([pos, del, ins]): Patch => [pos, del, mapper.map(ins)]))
    let text = ''
    for (const patches of before) for (const patch of patches) text = applyPatch(text, patch)
    const history: Patch[][][] = []
    if (shape.grown)
      for (let t = 0; t < before.length; t += historyBatch) history.push(before.slice(t, t + historyBatch))
    const ops =
      shape.mode === 'typing'
        ? trace.txns
            .slice(offset, offset + opsPerWriter)
            .map((txn) => txn.patches.map(([pos, del, ins]): Patch => [pos, del, mapper.map(ins)]))
        : removals(before, opsPerWriter)
    scripts.push({ trace: name, offset, initialText: shape.grown ? '' : text, history, ops })
  }
  return scripts
}

/**
 * The trace's transactions before the starting point, last first, each reduced to removing what it
 * inserted (a patch [pos, del, ins] becomes [pos, ins.length, '']). Transactions that only deleted have
 * nothing to remove and are skipped; as their text is not put back, later positions can be a little off,
 * which the writer's clamping absorbs.
 */
function removals(before: readonly Patch[][], count: number): Patch[][] {
  const ops: Patch[][] = []
  for (let t = before.length - 1; t >= 0 && ops.length < count; t--) {
    const undo = [...before[t]!]
      .reverse()
      .flatMap(([pos, , ins]): Patch[] => (ins.length > 0 ? [[pos, ins.length, '']] : []))
    if (undo.length > 0) ops.push(undo)
  }
  return ops
}

/** Transaction indices where the document length is in range and enough transactions follow (or precede). */
function startCandidates(trace: SequentialTrace, opsNeeded: number, shape: ScriptShape): number[] {
  const [minLength, maxLength] = shape.startLength
  const starts: number[] = []
  let length = 0
  const last = shape.mode === 'typing' ? trace.txns.length - opsNeeded : trace.txns.length
  const first = shape.mode === 'deleting' ? opsNeeded * 2 : 0
  for (let t = 0; t < last; t++) {
    if (t >= first && length >= minLength && length <= maxLength) starts.push(t)
    for (const [, del, ins] of trace.txns[t]!.patches) length += ins.length - del
  }
  if (starts.length === 0) throw new Error(`no start offset leaves ${opsNeeded} operations in the trace`)
  return starts
}
