/**
 * Pictures into the editor: chosen with 插入图片, dropped on the page or pasted (files, or data: URLs
 * in pasted HTML). Each is uploaded first and inserted only once it is stored, so the document never
 * holds a picture that is not there for everyone; offline nothing is inserted and the teacher is told.
 * The Yjs state carries only the image's address (`/api/images/{id}`), never its bytes.
 */
import { type Editor, Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { NodeSelection, Plugin, PluginKey } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import type { StoredImage } from '../../../shared/api/images.ts'
import { imageUrl } from '../../../shared/images/image-url.ts'
import { copyImages, offlineImageMessage, uploadImage } from '../images/upload-image.ts'
import {
  dataUrlBlob,
  type PastedImages,
  pastedImages,
  unreadableImagesMessage,
  withUploadedImages,
} from './pasted-images.ts'

export interface ImageUploadOptions {
  documentId: string
  /** What the teacher should know: an upload under way, or why pictures were not inserted; null clears it. */
  onMessage: (message: string | null) => void
}

export interface ImageUploadStorage {
  /** Uploads the files and inserts the stored ones as image blocks, at `at` or else at the selection. */
  insertFiles: (files: readonly File[], at?: number) => Promise<void>
}

declare module '@tiptap/core' {
  interface Storage {
    imageUpload: ImageUploadStorage
  }
}

interface Uploads<T> {
  stored: { source: T; image: StoredImage }[]
  /** Distinct reasons, in the order they came. */
  failures: string[]
}

async function uploadAll<T>(
  documentId: string,
  sources: readonly T[],
  blobOf: (source: T) => Blob,
): Promise<Uploads<T>> {
  const results = await Promise.allSettled(sources.map((source) => uploadImage(documentId, blobOf(source))))
  const uploads: Uploads<T> = { stored: [], failures: [] }
  results.forEach((result, index) => {
    if (result.status === 'fulfilled') uploads.stored.push({ source: sources[index]!, image: result.value })
    else {
      const reason = result.reason instanceof Error ? result.reason.message : '图片没有插入'
      if (!uploads.failures.includes(reason)) uploads.failures.push(reason)
    }
  })
  return uploads
}

function uploadingMessage(count: number): string {
  return count === 1 ? '正在上传图片……' : `正在上传 ${count} 张图片……`
}

/** A file's name without its extension, unless it is a clipboard's generic “image.png”. */
function altOf(file: File): string {
  const name = file.name.replace(/\.[^.]+$/, '')
  return /^image$/i.test(name) ? '' : name
}

async function insertFiles(
  editor: Editor,
  options: ImageUploadOptions,
  files: readonly File[],
  at?: number,
): Promise<void> {
  if (files.length === 0) return
  if (!navigator.onLine) return options.onMessage(offlineImageMessage)
  options.onMessage(uploadingMessage(files.length))
  const { stored, failures } = await uploadAll(options.documentId, files, (file) => file)
  if (editor.isDestroyed) return
  const nodes = stored.map(({ source, image }) => ({
    type: 'image',
    attrs: { src: image.url, alt: altOf(source), width: image.width, height: image.height },
  }))
  if (nodes.length > 0 && editor.isEditable) {
    const { doc, selection } = editor.state
    // A selected picture stays: the new ones go after it.
    const position =
      at !== undefined && at <= doc.content.size ? at : selection instanceof NodeSelection ? selection.to : null
    const content = needsLineAfter(doc, position ?? selection.to) ? [...nodes, { type: 'paragraph' }] : nodes
    const chain = editor.chain().focus()
    const inserted = position === null ? chain.insertContent(content) : chain.insertContentAt(position, content)
    if (!inserted.run()) failures.push('这里不能放图片，请把光标放在某一栏的正文里再插入')
  }
  options.onMessage(failures.length > 0 ? failures.join('；') : null)
}

/**
 * Whether pictures inserted at `pos` would end their section, list item or cell: then an empty line
 * follows them, or there would be nowhere to type below a picture.
 */
function needsLineAfter(doc: ProseMirrorNode, pos: number): boolean {
  const $pos = doc.resolve(pos)
  if (!$pos.parent.isTextblock) return $pos.index() === $pos.parent.childCount
  if ($pos.parentOffset !== $pos.parent.content.size) return false
  const depth = $pos.depth - 1
  return $pos.index(depth) === $pos.node(depth).childCount - 1
}

/**
 * Uploads the pasted HTML's data: pictures and makes pictures from other documents this one's, then
 * pastes it with their addresses here. Pictures from another document that cannot be adopted (offline,
 * or the request failed) keep their address: they still show to whoever may read their document.
 */
async function pasteWithUploads(
  view: EditorView,
  html: string,
  { dataUrls, storedIds, unreadable }: PastedImages,
  options: ImageUploadOptions,
): Promise<void> {
  if (dataUrls.length > 0) options.onMessage(uploadingMessage(dataUrls.length))
  const { stored, failures }: Uploads<string> = navigator.onLine
    ? await uploadAll(options.documentId, dataUrls, dataUrlBlob)
    : { stored: [], failures: dataUrls.length > 0 ? [offlineImageMessage] : [] }
  const uploaded = new Map(stored.map(({ source, image }) => [source, image]))
  if (storedIds.length > 0 && navigator.onLine) {
    for (const { from, image } of await copyImages(options.documentId, storedIds).catch(() => []))
      uploaded.set(imageUrl(from), image)
  }
  if (view.isDestroyed) return
  view.pasteHTML(withUploadedImages(new DOMParser().parseFromString(html, 'text/html'), uploaded))
  if (unreadable > 0) failures.push(unreadableImagesMessage(unreadable))
  options.onMessage(failures.length > 0 ? failures.join('；') : null)
}

function imageFiles(list: FileList | null | undefined): File[] {
  return [...(list ?? [])].filter((file) => file.type.startsWith('image/'))
}

export const ImageUpload = Extension.create<ImageUploadOptions, ImageUploadStorage>({
  name: 'imageUpload',

  addOptions() {
    return { documentId: '', onMessage: () => {} }
  },

  addStorage() {
    return { insertFiles: async () => {} }
  },

  onCreate() {
    this.storage.insertFiles = (files, at) => insertFiles(this.editor, this.options, files, at)
  },

  addProseMirrorPlugins() {
    const { editor, options } = this
    return [
      new Plugin({
        key: new PluginKey('imageUpload'),
        props: {
          handlePaste: (view, event) => {
            const clipboard = event.clipboardData
            if (!clipboard) return false
            const html = clipboard.getData('text/html')
            const document = html ? new DOMParser().parseFromString(html, 'text/html') : null
            const files = imageFiles(clipboard.files)
            // A copied picture alone (a screenshot, an image copied in Word): its file is the picture.
            if (files.length > 0 && !document?.body.textContent?.trim()) {
              void insertFiles(editor, options, files)
              return true
            }
            if (!document) return false
            const found = pastedImages(document)
            if (found.dataUrls.length > 0 || found.storedIds.length > 0) {
              void pasteWithUploads(view, html, found, options)
              return true
            }
            if (found.unreadable > 0) options.onMessage(unreadableImagesMessage(found.unreadable))
            return false
          },
          handleDrop: (view, event, _slice, moved) => {
            const files = imageFiles(event.dataTransfer?.files)
            if (moved || files.length === 0) return false
            const at = view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos
            void insertFiles(editor, options, files, at)
            return true
          },
        },
      }),
    ]
  },
})
