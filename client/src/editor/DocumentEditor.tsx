/**
 * The 导学案 editor. It is created once per session and never re-created by React renders: the
 * header re-renders on every save-status change, the editor must not (that would break an input
 * method's composition and lose the caret).
 */
import type { Editor } from '@tiptap/core'
import { EditorContent, useEditor } from '@tiptap/react'
import { memo, useEffect, useLayoutEffect, useMemo, useState } from 'react'
import type { CollabSession } from '../collab/collab-session.ts'
import type { ThreadHooks } from '../threads/thread-highlights.ts'
import { editorExtensions } from './extensions.ts'
import { ImageNotice } from './ImageNotice.tsx'
import { StructureNotice } from './StructureNotice.tsx'
import { Toolbar } from './Toolbar.tsx'

interface DocumentEditorProps {
  session: CollabSession
  editable: boolean
  /** Stable for the session, like the session itself. */
  threads: ThreadHooks
  /** The editor once created, and `null` when it goes: the thread panel works with it. */
  onEditor: (editor: Editor | null) => void
}

export const DocumentEditor = memo(function DocumentEditor({
  session,
  editable,
  threads,
  onEditor,
}: DocumentEditorProps) {
  /** When an edit was last refused for the structure's sake; 0 for never. */
  const [refusedAt, setRefusedAt] = useState(0)
  const [imageMessage, setImageMessage] = useState<string | null>(null)
  const options = useMemo(
    () => ({
      extensions: editorExtensions(session, () => setRefusedAt(Date.now()), threads, setImageMessage),
      editorProps: {
        attributes: {
          class: 'document-body',
          'data-testid': 'editor',
          'aria-label': '导学案正文',
          spellcheck: 'false',
        },
      },
    }),
    [session, threads],
  )
  const editor = useEditor(options, [session])

  useEffect(() => {
    onEditor(editor)
    return () => onEditor(null)
  }, [editor, onEditor])

  useLayoutEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable)
  }, [editor, editable])

  useEffect(() => {
    if (!editor) return
    session.setCompositionProbe(() => !editor.isDestroyed && editor.view.composing)
    return () => session.setCompositionProbe(() => false)
  }, [editor, session])

  return (
    <div className="editor-frame">
      {editor && editable && <Toolbar editor={editor} />}
      <StructureNotice refusedAt={refusedAt} />
      <ImageNotice message={imageMessage} onClose={() => setImageMessage(null)} />
      <div className="paper">
        <EditorContent editor={editor} />
      </div>
    </div>
  )
})
