import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openStore } from '../../../server/store/open-store.ts'
import type { Store } from '../../../server/store/store.ts'
import { documentUpdateOf, newLessonPlanUpdate } from '../../../server/template/new-lesson-plan.ts'
import { buildEditorSchema, contentFragmentName } from '../../../shared/schema/editor-schema.ts'
import { defaultLessonTemplate } from '../../../shared/template/default-template.ts'
import { type TempDataDir, createTempDataDir } from '../../helpers/sqlite.ts'

const schema = buildEditorSchema()

function contentOf(update: Uint8Array) {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(contentFragmentName), schema)
}

describe('new lesson plan update', () => {
  let dataDir: TempDataDir
  let store: Store
  let schoolId: string
  let adminId: string

  beforeEach(async () => {
    dataDir = await createTempDataDir()
    store = await openStore({ dataDir: dataDir.dir })
    schoolId = await store.accounts.createSchool('花园实验中学')
    const admin = await store.accounts.createUser({
      username: 'admin',
      displayName: '周主任',
      passwordHash: 'x',
      role: 'admin',
      schoolId,
      color: '#495057',
    })
    adminId = admin.id
  })

  afterEach(async () => {
    await store.close()
    await dataDir.remove()
  })

  it('starts a draft from the default template while the school has none, header filled', async () => {
    const content = contentOf(
      await newLessonPlanUpdate(store, schoolId, { topic: '3.1.1 一元一次方程', leadPreparer: '李老师' }),
    )
    expect(() => content.check()).not.toThrow()
    expect(content.firstChild!.type.name).toBe('lessonHeader')
    expect(content.firstChild!.textContent).toBe('3.1.1 一元一次方程李老师')
    expect(content.children.slice(1).map((section) => String(section.attrs.title))).toEqual(
      defaultLessonTemplate.sections.map((s) => s.title),
    )
  })

  it('uses the school template once the office saved one; drafts made before keep theirs', async () => {
    const before = await newLessonPlanUpdate(store, schoolId, {})
    await store.templates.saveTemplate(
      schoolId,
      { sections: [{ key: 'inquiry', title: '探究活动', hint: '', teacherOnly: false }] },
      adminId,
    )
    const after = contentOf(await newLessonPlanUpdate(store, schoolId, {}))
    expect(after.children.slice(1).map((section) => String(section.attrs.key))).toEqual(['inquiry'])
    expect(contentOf(before).childCount).toBe(1 + defaultLessonTemplate.sections.length)
  })

  it('refuses content that does not fit the editor schema', () => {
    expect(() =>
      documentUpdateOf({ type: 'doc', content: [{ type: 'section', attrs: { key: 'a', title: '甲' }, content: [] }] }),
    ).toThrow()
    expect(() => documentUpdateOf({ type: 'doc', content: [{ type: 'nonsense' }] })).toThrow()
  })
})
