// @vitest-environment happy-dom
/**
 * Regression: the Yjs binding put a teacher's caret back at its old offset whenever a colleague changed
 * the caret's paragraph, so 「探究一」 with 「★」 typed at its start took the next 「：」 as 「★探究：一」.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { randomSource } from '../../helpers/random-source.ts'
import { type Teacher, deliverAll, positionOf, settled, teachersOn } from './teachers-in-one-paragraph.ts'

const opened: Teacher[] = []

afterEach(() => {
  for (const teacher of opened.splice(0)) teacher.destroy()
})

async function open(paragraphs: readonly string[], names = ['王老师', '李老师']): Promise<Teacher[]> {
  const teachers = await teachersOn(paragraphs, names)
  opened.push(...teachers)
  return teachers
}

async function exchange(teachers: readonly Teacher[]): Promise<void> {
  deliverAll(teachers)
  await settled()
}

describe('[EDIT-1] the caret stays on its words when a colleague edits the same paragraph', () => {
  it('[EDIT-1] text typed at the paragraph start moves the caret along with its words', async () => {
    const [wang, li] = await open(['探究一'])
    li!.caretAt('探究一')
    wang!.caretAt('探究一', 'before')
    wang!.type('★')
    await exchange([wang!, li!])
    li!.type('：')
    await exchange([wang!, li!])
    expect(li!.paragraphs()).toEqual(['★探究一：'])
    expect(wang!.paragraphs()).toEqual(['★探究一：'])
  })

  it('[EDIT-1] text typed before and after a caret in the middle leaves it between the same characters', async () => {
    const [wang, li] = await open(['先独立思考再讨论'])
    li!.caretAt('独立思考')
    wang!.caretAt('先', 'before')
    wang!.type('（5分钟）')
    wang!.caretAt('讨论')
    wang!.type('，再展示')
    await exchange([wang!, li!])
    li!.type('，')
    await exchange([wang!, li!])
    expect(li!.paragraphs()).toEqual(['（5分钟）先独立思考，再讨论，再展示'])
  })

  it('[EDIT-1] words deleted before the caret do not pull it into the words after it', async () => {
    const [wang, li] = await open(['各组展示正方体的展开图并说明理由'])
    li!.caretAt('展开图')
    const from = positionOf(wang!.editor.state.doc, '展示')
    wang!.editor.commands.deleteRange({ from, to: from + 2 })
    await exchange([wang!, li!])
    li!.type('（至少两种）')
    await exchange([wang!, li!])
    expect(li!.paragraphs()).toEqual(['各组正方体的展开图（至少两种）并说明理由'])
  })

  it('[EDIT-1] Enter pressed before the caret takes the caret into the new paragraph with its words', async () => {
    const [wang, li] = await open(['先独立思考再小组讨论'])
    li!.caretAt('小组')
    wang!.caretAt('思考')
    wang!.editor.commands.splitBlock()
    await exchange([wang!, li!])
    li!.type('四人')
    await exchange([wang!, li!])
    expect(li!.paragraphs()).toEqual(['先独立思考', '再小组四人讨论'])
  })

  it('[EDIT-1] Enter pressed after the caret leaves it where it was', async () => {
    const [wang, li] = await open(['先独立思考再小组讨论'])
    li!.caretAt('独立')
    wang!.caretAt('思考')
    wang!.editor.commands.splitBlock()
    await exchange([wang!, li!])
    li!.type('地')
    await exchange([wang!, li!])
    expect(li!.paragraphs()).toEqual(['先独立地思考', '再小组讨论'])
  })

  it('[EDIT-1] Backspace joining the caret’s paragraph to the one before keeps the caret on its words', async () => {
    const [wang, li] = await open(['观察正方体', '说出它的特征'])
    li!.caretAt('它的')
    wang!.caretAt('说出', 'before')
    wang!.editor.commands.joinBackward()
    await exchange([wang!, li!])
    li!.type('六个面')
    await exchange([wang!, li!])
    expect(li!.paragraphs()).toEqual(['观察正方体说出它的六个面特征'])
  })

  it('[EDIT-1] a selection keeps covering the same words', async () => {
    const [wang, li] = await open(['先独立思考再讨论'])
    const from = positionOf(li!.editor.state.doc, '独立思考')
    li!.editor.commands.setTextSelection({ from, to: from + 4 })
    wang!.caretAt('先', 'before')
    wang!.type('（5分钟）')
    await exchange([wang!, li!])
    const { from: start, to: end } = li!.editor.state.selection
    expect(li!.editor.state.doc.textBetween(start, end)).toBe('独立思考')
  })

  it('[EDIT-1] teachers typing and deleting at the start, middle and end at once, with Enter and Backspace between, keep every run whole and in order', async () => {
    for (const seed of [1, 2, 3, 4]) {
      const random = randomSource(seed)
      const teachers = await open(['甲乙丙丁戊己庚辛'], ['王老师', '李老师', '张老师'])
      const alphabets = ['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '0123456789!@#$%^&*()+=<>?']
      const typed = ['', '', '']
      teachers[0]!.caretAt('甲', 'before')
      teachers[1]!.caretAt('丁')
      teachers[2]!.caretAt('辛')
      for (let step = 0; step < 60; step++) {
        const who = Math.floor(random() * 3)
        const teacher = teachers[who]!
        const run = typed[who]!
        const action = random()
        if (action < 0.15 && run !== '') {
          // Enter, or Backspace joining the paragraph it made: the binding rebuilds the moved words as
          // new items, so colleagues' edits in them at the same instant would be left behind (EDIT-3).
          await exchange(teachers)
          if (run.endsWith('\n')) teacher.editor.commands.keyboardShortcut('Backspace')
          else teacher.editor.commands.splitBlock()
          typed[who] = run.endsWith('\n') ? run.slice(0, -1) : `${run}\n`
          await exchange(teachers)
        } else if (action < 0.3 && run !== '' && !run.endsWith('\n')) {
          const { head } = teacher.editor.state.selection
          teacher.editor.commands.deleteRange({ from: head - 1, to: head })
          typed[who] = run.slice(0, -1)
        } else if (run.replace(/\n/g, '').length < alphabets[who]!.length) {
          const next = alphabets[who]![run.replace(/\n/g, '').length]!
          teacher.type(next)
          typed[who] = run + next
        }
        // Some updates cross on the way: deliver to one colleague at a time, at random.
        const to = teachers[Math.floor(random() * 3)]!
        if (to !== teacher && random() < 0.6) to.receiveFrom(teacher)
        await settled()
      }
      await exchange(teachers)
      const texts = teachers.map((teacher) => teacher.paragraphs().join('\n'))
      expect(new Set(texts).size, `seed ${seed}`).toBe(1)
      for (const run of typed) expect(texts[0], `seed ${seed}: ${run}`).toContain(run)
      expect(texts[0]!.replace(/[^甲乙丙丁戊己庚辛]/g, ''), `seed ${seed}`).toBe('甲乙丙丁戊己庚辛')
      const letters = (text: string) => text.replace(/\n/g, '').length
      expect(letters(texts[0]!), `seed ${seed}: nothing doubled`).toBe(
        8 + typed.reduce((sum, run) => sum + letters(run), 0),
      )
      for (const teacher of opened.splice(0)) teacher.destroy()
    }
  })
})
