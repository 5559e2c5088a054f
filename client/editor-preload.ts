/**
 * A build step that lets a document's address fetch the editor's chunks beside the entry, not after it
 * (docs/CLIENT.md, CLIENT-11). It writes a small classic script into the build, listing the editor
 * page's chunks and styles (those the entry does not load itself), and names it in index.html with
 * `async`: on a document's address it adds a `modulepreload` link for each, which the browser fetches
 * and compiles while the entry is still arriving; on any other address it does nothing, so the login
 * page and the list still load no editor code (CLIENT-3). The page's policy allows scripts from the
 * server only (SEC-7), so the script is a file, not inline.
 */
import type { Plugin } from 'vite'

/** The module whose chunk is the editor page (`React.lazy` in App.tsx, `load-editor-page.ts`). */
const editorPageModule = /\/client\/src\/pages\/EditorPage\.tsx$/

interface ChunkLike {
  type: 'chunk'
  fileName: string
  isEntry: boolean
  imports: string[]
  facadeModuleId: string | null
  viteMetadata?: { importedCss: Set<string> }
}

/** The files a chunk needs, itself first, through its static imports. */
function withImports(bundle: Record<string, { type: string }>, first: ChunkLike): ChunkLike[] {
  const found = new Map<string, ChunkLike>()
  const visit = (chunk: ChunkLike) => {
    if (found.has(chunk.fileName)) return
    found.set(chunk.fileName, chunk)
    for (const name of chunk.imports) {
      const imported = bundle[name]
      if (imported?.type === 'chunk') visit(imported as ChunkLike)
    }
  }
  visit(first)
  return [...found.values()]
}

/** The classic script: on a document's address (routing.ts: `#/documents/<id>`), preload what it lists. */
export function preloadScript(scripts: readonly string[], styles: readonly string[]): string {
  return `if (/^#\\/documents\\/[^/]/.test(location.hash)) {
  for (const [rel, href] of ${JSON.stringify([...scripts.map((file) => ['modulepreload', file]), ...styles.map((file) => ['preload', file])])}) {
    const link = document.createElement('link')
    link.rel = rel
    link.href = '/' + href
    link.crossOrigin = ''
    if (rel === 'preload') link.as = 'style'
    document.head.appendChild(link)
  }
}
`
}

export function editorPreload(): Plugin {
  return {
    name: 'gongbei-editor-preload',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk') as unknown as ChunkLike[]
      const editor = chunks.find((chunk) => chunk.facadeModuleId && editorPageModule.test(chunk.facadeModuleId))
      const entry = chunks.find((chunk) => chunk.isEntry)
      const page = bundle['index.html']
      if (!editor || !entry || page?.type !== 'asset') {
        this.error('editor preload: the build has no editor page chunk, entry or index.html')
      }
      // The entry and what it imports are in index.html already.
      const loadedByEntry = new Set(withImports(bundle, entry).map((chunk) => chunk.fileName))
      const needed = withImports(bundle, editor).filter((chunk) => !loadedByEntry.has(chunk.fileName))
      const styles = [...new Set(needed.flatMap((chunk) => [...(chunk.viteMetadata?.importedCss ?? [])]))]
      const script = this.emitFile({
        type: 'asset',
        name: 'editor-preload.js',
        source: preloadScript(
          needed.map((chunk) => chunk.fileName),
          styles,
        ),
      })
      const html = String(page.source)
      const tag = `<script async src="/${this.getFileName(script)}"></script>`
      if (!html.includes('</head>')) this.error('editor preload: index.html has no </head>')
      page.source = html.replace('</head>', `  ${tag}\n  </head>`)
    },
  }
}
