import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { contentFragmentName } from '../../../shared/schema/editor-schema.ts'
import { bodyJsonOfState } from '../../../shared/versions/document-blocks.ts'
import { paragraph, planDoc, schema, stateOf } from './plan-documents.ts'

describe('bodyJsonOfState', () => {
  it('leaves out a node the schema does not know, so the body still renders', () => {
    // Guards against one unknown node (from a newer client) breaking the reflections panel.
    const doc = planDoc([paragraph('课堂小结')])
    const unknown = new Y.XmlElement('mysteryWidget')
    unknown.insert(0, [new Y.XmlText('？')])
    doc.getXmlFragment(contentFragmentName).insert(0, [unknown])

    const json = bodyJsonOfState(stateOf(doc), schema)
    expect(JSON.stringify(json)).not.toContain('mysteryWidget')
    expect(JSON.stringify(json)).toContain('课堂小结')
    expect(() => schema.nodeFromJSON(json).check()).not.toThrow()
  })
})
