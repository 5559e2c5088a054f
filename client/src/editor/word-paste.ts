/** Pasting from Word keeps its lists: the clipboard HTML is cleaned (`word-html.ts`) before it is parsed. */
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { transformPastedWordHtml } from './word-html.ts'

export const WordPaste = Extension.create({
  name: 'wordPaste',

  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('wordPaste'),
        props: {
          transformPastedHTML: (html) =>
            transformPastedWordHtml(html, (source) => new DOMParser().parseFromString(source, 'text/html')),
        },
      }),
    ]
  },
})
