import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { findConflicts } from '../../../shared/adaptation/conflicts.ts'
import { restoreUpdate, rewriteBlockUpdate } from '../../../shared/adaptation/document-changes.ts'
import { pullUpdate } from '../../../shared/adaptation/fork.ts'
import { pullVersion } from '../../../shared/adaptation/pull.ts'
import { countChanges, diffBlocks } from '../../../shared/versions/block-diff.ts'
import { documentBlocks } from '../../../shared/versions/document-blocks.ts'
import {
  bodyJson,
  editBody,
  fork,
  heading,
  paragraph,
  planDoc,
  retype,
  schema,
  stateOf,
  texts,
} from '../versions/plan-documents.ts'

/** v1 → the teacher edits A and B → the leader revises B and C and finalizes v2. */
function concurrentScenario() {
  const plan = planDoc([heading('合作探究'), paragraph('A 原文'), paragraph('B 原文'), paragraph('C 原文')])
  const v1 = stateOf(plan)
  const adaptation = fork(v1)
  retype(adaptation, 1, 'A 原文（我班先复习）')
  retype(adaptation, 2, 'B 原文，分组讨论')
  retype(plan, 2, 'B 修订稿')
  retype(plan, 3, 'C 原文，增加一道例题')
  const v2 = stateOf(plan)
  return { plan, v1, v2, adaptation }
}

describe('pulling a new version into an adaptation', () => {
  it('[ADAPT-1] [ADAPT-2] merges the teacher’s edits and the shared changes, and flags the passage both changed', () => {
    const { v1, v2, adaptation } = concurrentScenario()
    const base = documentBlocks(fork(v1), schema)
    const shared = documentBlocks(fork(v2), schema)
    const mine = documentBlocks(adaptation, schema)

    Y.applyUpdate(adaptation, pullUpdate(v2, stateOf(adaptation)))

    const [, a, b, c] = texts(adaptation)
    expect(a).toBe('A 原文（我班先复习）')
    expect(c).toBe('C 原文，增加一道例题')
    // Yjs alone keeps both sides' characters in B: why `pullVersion` puts the teacher's back.
    expect(b).toContain('分组讨论')
    expect(b).toContain('修订稿')
    const conflicts = findConflicts(base, shared, mine)
    expect(conflicts.map((spot) => spot.base.text)).toEqual(['B 原文'])
    expect(conflicts[0]).toMatchObject({
      section: '合作探究',
      mine: { text: 'B 原文，分组讨论' },
      shared: { text: 'B 修订稿' },
    })
  })

  it('pulls nothing twice', () => {
    const { v2, adaptation } = concurrentScenario()
    Y.applyUpdate(adaptation, pullUpdate(v2, stateOf(adaptation)))
    const after = texts(adaptation)
    Y.applyUpdate(adaptation, pullUpdate(v2, stateOf(adaptation)))
    expect(texts(adaptation)).toEqual(after)
  })

  it('settles a conflict by rewriting the passage, either way', () => {
    const { v1, v2, adaptation } = concurrentScenario()
    const mineBefore = documentBlocks(adaptation, schema)
    Y.applyUpdate(adaptation, pullUpdate(v2, stateOf(adaptation)))
    const [spot] = findConflicts(documentBlocks(fork(v1), schema), documentBlocks(fork(v2), schema), mineBefore)
    if (!spot) throw new Error('expected a conflict')

    const keepMine = fork(stateOf(adaptation))
    Y.applyUpdate(keepMine, rewriteBlockUpdate(stateOf(keepMine), spot.key, spot.mine!.json, spot.afterKey, schema)!)
    expect(texts(keepMine)[2]).toBe('B 原文，分组讨论')

    const takeShared = fork(stateOf(adaptation))
    Y.applyUpdate(
      takeShared,
      rewriteBlockUpdate(stateOf(takeShared), spot.key, spot.shared!.json, spot.afterKey, schema)!,
    )
    expect(texts(takeShared)).toEqual(['合作探究', 'A 原文（我班先复习）', 'B 修订稿', 'C 原文，增加一道例题'])
  })

  it('flags a passage the teacher edited and the shared plan deleted, and can put it back', () => {
    const plan = planDoc([paragraph('甲'), paragraph('乙'), paragraph('丙')])
    const v1 = stateOf(plan)
    const adaptation = fork(v1)
    retype(adaptation, 1, '乙，我的补充')
    editBody(plan, (blocks) => [blocks[0]!, blocks[2]!])
    const v2 = stateOf(plan)
    const mine = documentBlocks(adaptation, schema)
    Y.applyUpdate(adaptation, pullUpdate(v2, stateOf(adaptation)))
    expect(texts(adaptation)).toEqual(['甲', '丙'])

    const [spot] = findConflicts(documentBlocks(fork(v1), schema), documentBlocks(fork(v2), schema), mine)
    expect(spot).toMatchObject({ shared: null, mine: { text: '乙，我的补充' } })
    Y.applyUpdate(
      adaptation,
      rewriteBlockUpdate(stateOf(adaptation), spot!.key, spot!.mine!.json, spot!.afterKey, schema)!,
    )
    expect(texts(adaptation)).toEqual(['甲', '乙，我的补充', '丙'])
  })

  it('puts back the shared version of a passage the teacher had deleted, where the new version has it', () => {
    const plan = planDoc([paragraph('甲'), paragraph('乙'), paragraph('丙')])
    const v1 = stateOf(plan)
    const adaptation = fork(v1)
    editBody(adaptation, (blocks) => [blocks[0]!, blocks[2]!])
    retype(plan, 1, '乙（组里补充了例题）')
    const v2 = stateOf(plan)
    const mine = documentBlocks(adaptation, schema)
    Y.applyUpdate(adaptation, pullUpdate(v2, stateOf(adaptation)))
    expect(texts(adaptation)).toEqual(['甲', '丙'])

    const [spot] = findConflicts(documentBlocks(fork(v1), schema), documentBlocks(fork(v2), schema), mine)
    expect(spot).toMatchObject({ mine: null, shared: { text: '乙（组里补充了例题）' } })
    Y.applyUpdate(
      adaptation,
      rewriteBlockUpdate(stateOf(adaptation), spot!.key, spot!.shared!.json, spot!.afterKey, schema)!,
    )
    expect(texts(adaptation)).toEqual(['甲', '乙（组里补充了例题）', '丙'])
  })

  it('rewrites a passage whose kind changed, e.g. a paragraph the teacher turned into a heading', () => {
    const plan = planDoc([paragraph('甲'), paragraph('乙')])
    const doc = fork(stateOf(plan))
    const [, second] = documentBlocks(doc, schema)
    Y.applyUpdate(doc, rewriteBlockUpdate(stateOf(doc), second!.key, heading('乙'), null, schema)!)
    expect(bodyJson(doc).content.map((block) => block.type)).toEqual(['paragraph', 'heading'])
    expect(texts(doc)).toEqual(['甲', '乙'])
  })

  it('[ADAPT-2] does not flag passages only one side changed, nor the same change made by both', () => {
    const plan = planDoc([paragraph('甲'), paragraph('乙')])
    const v1 = stateOf(plan)
    const adaptation = fork(v1)
    retype(adaptation, 0, '甲甲')
    retype(adaptation, 1, '乙改')
    retype(plan, 1, '乙改')
    const conflicts = findConflicts(
      documentBlocks(fork(v1), schema),
      documentBlocks(plan, schema),
      documentBlocks(adaptation, schema),
    )
    expect(conflicts).toEqual([])
  })

  it('counts the teacher’s 个人加减 against the shared version', () => {
    const { v1, adaptation } = concurrentScenario()
    editBody(adaptation, (blocks) => [...blocks, paragraph('课后：布置分层作业')])
    const changes = diffBlocks(documentBlocks(fork(v1), schema), documentBlocks(adaptation, schema))
    expect(countChanges(changes)).toBe(3)
  })
})

/** Pulls `version` into `adaptation` (based on `base`) as the server does, and returns the flagged passages. */
function pull(base: Uint8Array, version: Uint8Array, adaptation: Y.Doc) {
  const pulled = pullVersion(base, version, stateOf(adaptation), schema)
  Y.applyUpdate(adaptation, pulled.update)
  return pulled.conflicts
}

describe('[ADAPT-3] until the teacher decides, her passage reads exactly as she wrote it', () => {
  it.each([
    [
      'the example of a merge nobody wrote',
      '完成课本第1、2题。',
      '完成课本第1、2题，并标出相对的面（3、4班选做）。',
      '完成课本第1、2题。画出正方体的展开图。',
    ],
    ['both appended', 'B 原文', 'B 原文，分组讨论', 'B 原文，限时5分钟'],
    [
      'both rewrote the middle',
      '各组展示展开图并说明理由。',
      '各组展示长方体的展开图并说明理由。',
      '各组展示正方体的展开图并说明。',
    ],
    ['she emptied it, the plan rewrote it', '课前预习第3页', '', '课前预习第3、4页'],
  ])('%s', (_case, baseText, mineText, sharedText) => {
    const plan = planDoc([heading('合作探究'), paragraph(baseText), paragraph('其他')])
    const v1 = stateOf(plan)
    const adaptation = fork(v1)
    retype(adaptation, 1, mineText)
    retype(plan, 1, sharedText)
    retype(plan, 2, '其他（组里改过）')
    const before = bodyJson(adaptation).content[1]

    const conflicts = pull(v1, stateOf(plan), adaptation)

    expect(bodyJson(adaptation).content[1]).toEqual(before)
    expect(texts(adaptation)).toEqual(['合作探究', mineText, '其他（组里改过）'])
    expect(conflicts).toHaveLength(1)
    expect(conflicts[0]).toMatchObject({
      key: documentBlocks(adaptation, schema)[1]!.key,
      base: { text: baseText },
      mine: { text: mineText },
      shared: { text: sharedText },
    })
  })

  it('keeps her formatting too', () => {
    const plan = planDoc([paragraph('重点：去括号法则')])
    const v1 = stateOf(plan)
    const adaptation = fork(v1)
    editBody(adaptation, () => [
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: '重点：' },
          { type: 'text', text: '去括号法则', marks: [{ type: 'bold' }] },
        ],
      },
    ])
    retype(plan, 0, '重点：去括号法则和符号')
    const before = bodyJson(adaptation).content
    pull(v1, stateOf(plan), adaptation)
    expect(bodyJson(adaptation).content).toEqual(before)
  })

  it('puts back a passage she edited and the shared plan deleted, where it stood, under its new key', () => {
    const plan = planDoc([paragraph('甲'), paragraph('乙'), paragraph('丙')])
    const v1 = stateOf(plan)
    const adaptation = fork(v1)
    retype(adaptation, 1, '乙，我的补充')
    editBody(plan, (blocks) => [blocks[0]!, blocks[2]!])
    const [spot] = pull(v1, stateOf(plan), adaptation)
    expect(texts(adaptation)).toEqual(['甲', '乙，我的补充', '丙'])
    expect(spot).toMatchObject({
      key: documentBlocks(adaptation, schema)[1]!.key,
      shared: null,
      mine: { text: '乙，我的补充' },
    })
  })

  it('leaves a passage she deleted deleted, the shared version beside it', () => {
    const plan = planDoc([paragraph('甲'), paragraph('乙'), paragraph('丙')])
    const v1 = stateOf(plan)
    const adaptation = fork(v1)
    editBody(adaptation, (blocks) => [blocks[0]!, blocks[2]!])
    retype(plan, 1, '乙（组里补充了例题）')
    const [spot] = pull(v1, stateOf(plan), adaptation)
    expect(texts(adaptation)).toEqual(['甲', '丙'])
    expect(spot).toMatchObject({ mine: null, shared: { text: '乙（组里补充了例题）' } })
  })

  it('writes a passage both changed alike once, not with both sides’ copies of the same words', () => {
    const plan = planDoc([paragraph('甲'), paragraph('乙')])
    const v1 = stateOf(plan)
    const adaptation = fork(v1)
    retype(adaptation, 1, '乙改')
    retype(plan, 1, '乙改')
    expect(pull(v1, stateOf(plan), adaptation)).toEqual([])
    expect(texts(adaptation)).toEqual(['甲', '乙改'])
  })

  it('brings every passage only the shared plan changed, and changes nothing on a second pull', () => {
    const { v1, v2, adaptation } = concurrentScenario()
    pull(v1, v2, adaptation)
    expect(texts(adaptation)).toEqual(['合作探究', 'A 原文（我班先复习）', 'B 原文，分组讨论', 'C 原文，增加一道例题'])
    const after = stateOf(adaptation)
    expect(pull(v2, v2, adaptation)).toEqual([])
    expect(stateOf(adaptation)).toEqual(after)
  })
})

describe('restoring an old version', () => {
  it('adds changes on top that make the body read like the old version, keeping history', () => {
    const plan = planDoc([heading('学习目标'), paragraph('第一稿')])
    const v1 = stateOf(plan)
    retype(plan, 1, '第二稿')
    editBody(plan, (blocks) => [...blocks, paragraph('新增')])
    const current = stateOf(plan)
    const update = restoreUpdate(current, v1, schema)
    if (!update) throw new Error('expected a change')
    Y.applyUpdate(plan, update)
    expect(texts(plan)).toEqual(['学习目标', '第一稿'])
    // The old version's content is untouched and the restore is a successor of the current state.
    expect(texts(fork(v1))).toEqual(['学习目标', '第一稿'])
    const merged = fork(Y.mergeUpdates([current, update]))
    expect(texts(merged)).toEqual(['学习目标', '第一稿'])
  })

  it('changes nothing when the body already reads like the version', () => {
    const plan = planDoc([paragraph('不变')])
    expect(restoreUpdate(stateOf(plan), stateOf(plan), schema)).toBeNull()
  })
})
