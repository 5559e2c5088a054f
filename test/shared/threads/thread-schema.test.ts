import { describe, expect, it } from 'vitest'
import { limits } from '../../../shared/limits.ts'
import {
  bodyFits,
  isBodyMark,
  isThreadId,
  replyFieldShape,
  requiredReplyFields,
  requiredThreadFields,
  threadFieldShape,
} from '../../../shared/threads/thread-schema.ts'

function validValue(field: string, value: unknown): boolean {
  const shape = threadFieldShape(field)
  if (shape?.kind !== 'value') throw new Error(`${field} is not a plain value`)
  return shape.valid(value)
}

describe('thread schema', () => {
  it('[BOUNDS-4] mentions are a short list of user ids, never a nested value', () => {
    expect(validValue('mentions', [])).toBe(true)
    expect(validValue('mentions', ['u-1', 'u-2'])).toBe(true)
    expect(validValue('mentions', [['u-1']])).toBe(false)
    expect(validValue('mentions', { 'u-1': true })).toBe(false)
    expect(validValue('mentions', 'u-1')).toBe(false)
    expect(validValue('mentions', [''])).toBe(false)
    expect(validValue('mentions', ['x'.repeat(limits.maxThreadIdChars + 1)])).toBe(false)
    expect(
      validValue(
        'mentions',
        Array.from({ length: limits.maxThreadMentions }, (_, i) => `u-${i}`),
      ),
    ).toBe(true)
    expect(
      validValue(
        'mentions',
        Array.from({ length: limits.maxThreadMentions + 1 }, (_, i) => `u-${i}`),
      ),
    ).toBe(false)
  })

  it('[BOUNDS-4] plain fields have their type, their values and their length', () => {
    expect(validValue('kind', 'question')).toBe(true)
    expect(validValue('kind', 'rumour')).toBe(false)
    expect(validValue('createdAt', 1_700_000_000_000)).toBe(true)
    expect(validValue('createdAt', Number.NaN)).toBe(false)
    expect(validValue('createdAt', '2026-01-01')).toBe(false)
    expect(validValue('anchorStart', new Uint8Array(20))).toBe(true)
    expect(validValue('anchorStart', new Uint8Array(limits.maxThreadAnchorBytes + 1))).toBe(false)
    expect(validValue('anchorStart', [1, 2])).toBe(false)
    expect(validValue('quote', 'x'.repeat(limits.maxThreadQuoteChars))).toBe(true)
    expect(validValue('quote', 'x'.repeat(limits.maxThreadQuoteChars + 1))).toBe(false)
    expect(validValue('resolvedBy', null)).toBe(true)
    expect(validValue('resolvedBy', { id: 'u' })).toBe(false)
    expect(validValue('decidedBy', null)).toBe(false)
    expect(validValue('state', 'resolved')).toBe(true)
    expect(validValue('state', 'closed')).toBe(false)
    expect(validValue('decision', 'accepted')).toBe(true)
    expect(validValue('decision', 'maybe')).toBe(false)
  })

  it('[BOUNDS-4] bodies and replies are types, unknown fields have no shape', () => {
    expect(threadFieldShape('body')).toEqual({ kind: 'body' })
    expect(threadFieldShape('replies')).toEqual({ kind: 'replies' })
    expect(replyFieldShape('body')).toEqual({ kind: 'body' })
    expect(threadFieldShape('colour')).toBeNull()
    expect(threadFieldShape('toString')).toBeNull()
    expect(replyFieldShape('colour')).toBeNull()
    expect(replyFieldShape('resolvedBy')).toBeNull()
  })

  it('[BOUNDS-4] a reply’s mentions are a bounded list of ids, like a thread’s (MENTION-3)', () => {
    const shape = replyFieldShape('mentions')
    if (shape?.kind !== 'value') throw new Error('a reply’s mentions are a plain value')
    expect(shape.valid(['u-1', 'u-2'])).toBe(true)
    expect(shape.valid(Array.from({ length: 201 }, (_, index) => `u-${index}`))).toBe(false)
    expect(shape.valid([['u-1']])).toBe(false)
    expect(shape.valid('u-1')).toBe(false)
  })

  it('[BOUNDS-4] a body carries only its three marks and a bounded number of characters', () => {
    expect(isBodyMark('bold', true)).toBe(true)
    expect(isBodyMark('italic', null)).toBe(true)
    expect(isBodyMark('bold', { nested: true })).toBe(false)
    expect(isBodyMark('link', true)).toBe(false)
    expect(bodyFits(limits.maxThreadBodyChars)).toBe(true)
    expect(bodyFits(limits.maxThreadBodyChars + 1)).toBe(false)
  })

  it('[BOUNDS-4] a new thread and a new reply arrive whole', () => {
    expect(requiredThreadFields).toEqual(
      expect.arrayContaining(['id', 'kind', 'authorId', 'body', 'mentions', 'replies', 'state']),
    )
    expect(requiredThreadFields).not.toContain('suggestion')
    expect(requiredThreadFields).not.toContain('decision')
    expect(requiredReplyFields).toEqual(['id', 'authorId', 'createdAt', 'body'])
    expect(isThreadId('')).toBe(false)
  })
})
