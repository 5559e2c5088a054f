/**
 * 来源 of a copied block (LIBRARY-11): a section or block copied from one plan into another keeps where it
 * came from, as one attribute `blockSource` on the block: `document:<id>` (a plan, 二次备课, design or
 * reflection as it reads now) or `version:<id>` (a 定稿 version). Only ids are stored; who may read the
 * source, and how it is named, is decided when it is shown, so a copied block never tells a reader
 * more than they may read. The value is one short string of a fixed shape: the server refuses an
 * update storing anything else (`isBlockSourceValue`), and every reader parses it (`parseBlockSource`).
 * The schema itself does not validate it: y-tiptap deletes a Yjs element whose node cannot be made,
 * and a teacher's paragraph must never go for the sake of its 来源.
 */
import { Extension } from '@tiptap/core'
import { teacherOnlyBlockTypes } from './teacher-only.ts'

export const blockSourceAttribute = 'blockSource'

export type BlockSourceKind = 'document' | 'version'

export interface BlockSource {
  kind: BlockSourceKind
  id: string
}

/** Ids are UUIDs here; the bound leaves room for any id a store hands out and keeps the value small. */
const valuePattern = /^(document|version):([A-Za-z0-9_-]{1,64})$/

/** The longest value the attribute may hold. */
export const maxBlockSourceChars = 'document:'.length + 64

export function parseBlockSource(value: unknown): BlockSource | null {
  if (typeof value !== 'string' || value.length > maxBlockSourceChars) return null
  const parts = valuePattern.exec(value)
  return parts ? { kind: parts[1] as BlockSourceKind, id: parts[2]! } : null
}

export function blockSourceValue(source: BlockSource): string {
  return `${source.kind}:${source.id}`
}

/** What the attribute may hold: nothing, or a source. */
export function isBlockSourceValue(value: unknown): boolean {
  return value === null || value === undefined || parseBlockSource(value) !== null
}

/** Blocks that can carry a source: the ones a teacher marks 教师用, and whole sections. */
export const sourcedBlockTypes = [...teacherOnlyBlockTypes, 'section'] as const

export const BlockSourceAttribute = Extension.create({
  name: 'blockSourceAttribute',

  addGlobalAttributes() {
    return [
      {
        types: [...sourcedBlockTypes],
        attributes: {
          [blockSourceAttribute]: {
            default: null,
            // Enter at the end of a copied block starts the teacher's own line, not another copied one.
            keepOnSplit: false,
            parseHTML: (element) => {
              const value = element.getAttribute('data-block-source')
              return parseBlockSource(value) ? value : null
            },
            renderHTML: (attributes) => {
              const value: unknown = attributes[blockSourceAttribute]
              return parseBlockSource(value) ? { 'data-block-source': value } : {}
            },
          },
        },
      },
    ]
  },
})
