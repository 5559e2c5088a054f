/**
 * The typing workloads the benchmark can run, each a shape of real use: how many documents, clients and
 * writers, how fast, in what kind of document, and whether the writers type or delete. `npm run bench`
 * runs the `quick` suite; `--suite full` runs every workload; `--workload a,b` picks some.
 */
import { type ScriptShape, typingShape } from './workload.ts'

/** A trace's finished Yjs document that the typing happens inside (see /work/shared/traces/README.md). */
export type LargeDocument = 'S1' | 'C1'

export interface Workload {
  name: string
  /** One line for the table and `--help`. */
  title: string
  documents: number
  clientsPerDocument: number
  writersPerDocument: number
  /** Operations per second of each writer. */
  rate: number
  shape: ScriptShape
  /** Type inside this document instead of an empty one. */
  large: LargeDocument | null
}

export const workloads: readonly Workload[] = [
  {
    name: 'mixed',
    title: 'typing from the traces as they are (about 1 operation in 8 deletes)',
    documents: 20,
    clientsPerDocument: 10,
    writersPerDocument: 2,
    rate: 20,
    shape: typingShape,
    large: null,
  },
  {
    name: 'deletions',
    title: 'deletions alone: the traces replayed backwards, removing what they typed',
    documents: 20,
    clientsPerDocument: 10,
    writersPerDocument: 2,
    rate: 20,
    shape: { ...typingShape, mode: 'deleting' },
    large: null,
  },
  {
    name: 'small',
    title: 'typing in a 10 KB document, the baseline of the large ones',
    documents: 2,
    clientsPerDocument: 4,
    writersPerDocument: 2,
    rate: 5,
    // Two sections of about 1,700 Chinese characters: 10 KB of UTF-8.
    shape: { ...typingShape, startLength: [1500, 1900], traces: ['automerge-paper'] },
    large: null,
  },
  {
    name: 'large-s1',
    title: 'typing inside S1 (674 KB: automerge-paper ×3)',
    documents: 2,
    clientsPerDocument: 4,
    writersPerDocument: 2,
    rate: 5,
    shape: { ...typingShape, startLength: [1500, 1900], traces: ['automerge-paper'] },
    large: 'S1',
  },
  {
    name: 'large-c1',
    title: 'typing inside C1 (1.1 MB: friendsforever ×25)',
    documents: 2,
    clientsPerDocument: 4,
    writersPerDocument: 2,
    rate: 5,
    shape: { ...typingShape, startLength: [1500, 1900], traces: ['automerge-paper'] },
    large: 'C1',
  },
  {
    name: 'grown',
    title: 'documents grown edit by edit to ~150 KB, then typing that goes on growing them',
    documents: 4,
    clientsPerDocument: 6,
    writersPerDocument: 2,
    rate: 20,
    // 2 × 25,000 characters of Chinese: about 150 KB of text with its whole history.
    shape: { mode: 'typing', startLength: [24_000, 26_000], grown: true, traces: ['automerge-paper'] },
    large: null,
  },
  {
    name: 'meeting-5',
    title: 'a meeting: 5 writers in each document',
    documents: 6,
    clientsPerDocument: 8,
    writersPerDocument: 5,
    rate: 8,
    shape: typingShape,
    large: null,
  },
  {
    name: 'meeting-10',
    title: 'a meeting: 10 writers in each document',
    documents: 4,
    clientsPerDocument: 12,
    writersPerDocument: 10,
    rate: 8,
    shape: typingShape,
    large: null,
  },
  {
    name: 'quiet',
    title: '150 quiet documents, one teacher typing slowly in each, one reading',
    documents: 150,
    clientsPerDocument: 2,
    writersPerDocument: 1,
    rate: 1,
    shape: typingShape,
    large: null,
  },
]

/** Measurements besides typing (`capacity.ts`). */
export const measureNames = ['idle', 'join', 'carets', 'saturation'] as const
export type MeasureName = (typeof measureNames)[number]

/** What `--suite` runs: `quick` is `npm run bench` without flags, a few minutes; `full` is everything. */
export const suites = {
  quick: { workloads: ['mixed', 'deletions'], measures: ['idle'] },
  full: { workloads: workloads.map((w) => w.name), measures: measureNames },
} as const satisfies Record<string, { workloads: readonly string[]; measures: readonly MeasureName[] }>

export type SuiteName = keyof typeof suites

export function workloadNamed(name: string): Workload {
  const workload = workloads.find((w) => w.name === name)
  if (!workload) throw new Error(`unknown workload ${name} (known: ${workloads.map((w) => w.name).join(', ')})`)
  return workload
}
