/**
 * The editor's extensions: the shared content schema plus what only the browser needs — binding to
 * the Y.Doc (with per-user undo), other people's carets, the guard of the 导学案's structure, and placeholders.
 */
import type { AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Placeholder } from '@tiptap/extensions'
import { contentExtensions, contentFragmentName } from '../../../shared/schema/editor-schema.ts'
import type { CollabSession } from '../collab/collab-session.ts'
import { type ThreadHooks, ThreadHighlights } from '../threads/thread-highlights.ts'
import { fetchBlockSources } from '../api/library.ts'
import { BlockSources } from './block-sources.ts'
import { ImageUpload } from './image-upload.ts'
import { KeepCaret } from './keep-caret.ts'
import { LessonStructure } from './lesson-structure.ts'
import { ReadingKeys } from './reading-keys.ts'
import { StructurePlaceholders } from './structure-placeholders.ts'
import { WordPaste } from './word-paste.ts'

/**
 * `onStructureRefused`: an edit was refused because it would have broken the header or a section.
 * `threads`: how the threads drawn in the text reach the panel beside it.
 * `onImageMessage`: what to tell the teacher about pictures being uploaded.
 */
export function editorExtensions(
  session: CollabSession,
  onStructureRefused: () => void,
  threads: ThreadHooks,
  onImageMessage: (message: string | null) => void,
): AnyExtension[] {
  return [
    ...contentExtensions(),
    // Its undo manager tracks only transactions made in this editor, so 撤销 never undoes a colleague's typing.
    Collaboration.configure({ fragment: session.doc.getXmlFragment(contentFragmentName) }),
    // Right after Collaboration: puts the caret back on its words after the binding redrew a remote change.
    KeepCaret,
    CollaborationCaret.configure({ provider: session.provider, user: session.user }),
    // After Collaboration: it reads the sync plugin's mapping as that plugin left it for the transaction.
    ThreadHighlights.configure({ doc: session.doc, ...threads }),
    LessonStructure.configure({ onRefused: onStructureRefused }),
    // Cleans Word's clipboard HTML first, so its lists arrive as lists.
    WordPaste,
    // Pictures are uploaded before they are inserted; pasted data: pictures too.
    ImageUpload.configure({ documentId: session.documentId, onMessage: onImageMessage }),
    // 来源 of copied blocks: written on copy, kept on paste into another plan, shown above each block.
    BlockSources.configure({ documentId: session.documentId, name: fetchBlockSources }),
    // A read-only text (comment-only access, a frozen plan) is still read and selected by keyboard.
    ReadingKeys,
    // Top-level lines of a document without sections; the lines in sections and the header get theirs here.
    StructurePlaceholders,
    Placeholder.configure({
      // An empty line inside a written plan needs no hint; an empty plan or a new heading does.
      placeholder: ({ editor, node }) => {
        if (node.type.name === 'heading') return '输入标题'
        return editor.isEmpty ? '在这里输入导学案内容……' : ''
      },
    }),
  ]
}
