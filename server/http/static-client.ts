/**
 * Serves the built client (`client/dist`) and answers unknown non-API paths with its `index.html`,
 * so that deep links into the single-page app work.
 *
 * The files are read once, at start (the built client is about 1 MB, and only a new build changes it,
 * which `npm start` follows with a new server): only files of the build can be answered, whatever the
 * path asks for. Each goes out as the brotli or gzip copy the build made beside it when the browser
 * takes that encoding (CLIENT-1), with a year's caching for hashed assets and revalidation by ETag for
 * the rest (CLIENT-2).
 */
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Context } from 'hono'
import { Hono } from 'hono'
import { cacheControlFor } from './client-cache.ts'
import { type ContentEncoding, chooseEncoding } from './content-encoding.ts'

export const clientDistDir = join(checkoutRoot(), 'client', 'dist')

/** The folder of `package.json`: the same whether this runs from source (`server/`) or from `build/server/`. */
function checkoutRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url))
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new Error(`no package.json above ${here}`)
  }
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

interface Representation {
  body: Uint8Array<ArrayBuffer>
  etag: string
}

interface ClientFile {
  type: string
  cacheControl: string
  identity: Representation
  encoded: Map<ContentEncoding, Representation>
}

const suffixes: Record<ContentEncoding, string> = { br: '.br', gzip: '.gz' }

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Strong ETags, one per representation: a cache must not answer a gzip request with brotli bytes. */
function representation(body: Uint8Array<ArrayBuffer>, hash: string, encoding: string): Representation {
  return { body, etag: `"${hash}${encoding ? `-${encoding}` : ''}"` }
}

/** The build's files by URL path, with their precompressed copies. */
function readClient(distDir: string): Map<string, ClientFile> {
  const files = new Map<string, ClientFile>()
  for (const path of filesUnder(distDir)) {
    if (path.endsWith('.br') || path.endsWith('.gz')) continue
    const urlPath = `/${relative(distDir, path).split(sep).join('/')}`
    const body = new Uint8Array(readFileSync(path))
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22)
    const encoded = new Map<ContentEncoding, Representation>()
    for (const [encoding, suffix] of Object.entries(suffixes) as [ContentEncoding, string][]) {
      if (existsSync(path + suffix))
        encoded.set(encoding, representation(new Uint8Array(readFileSync(path + suffix)), hash, encoding))
    }
    files.set(urlPath, {
      type: contentTypes[extname(path)] ?? 'application/octet-stream',
      cacheControl: cacheControlFor(urlPath),
      identity: representation(body, hash, ''),
      encoded,
    })
  }
  return files
}

/** `If-None-Match` names this ETag (or is `*`); compared weakly, as RFC 9110 asks for GET. */
function notModified(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  const plain = (tag: string) => tag.trim().replace(/^W\//, '')
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || plain(tag) === etag)
}

function send(c: Context, file: ClientFile): Response {
  const encoding = chooseEncoding(c.req.header('accept-encoding'), new Set(file.encoded.keys()))
  const chosen = encoding ? file.encoded.get(encoding)! : file.identity
  const headers: Record<string, string> = {
    'content-type': file.type,
    'cache-control': file.cacheControl,
    etag: chosen.etag,
    'x-content-type-options': 'nosniff',
  }
  if (file.encoded.size > 0) headers['vary'] = 'Accept-Encoding'
  if (notModified(c.req.header('if-none-match'), chosen.etag)) return new Response(null, { status: 304, headers })
  if (encoding) headers['content-encoding'] = encoding
  headers['content-length'] = String(chosen.body.byteLength)
  return new Response(c.req.method === 'HEAD' ? null : chosen.body, { status: 200, headers })
}

export function staticClient(distDir = clientDistDir) {
  const app = new Hono()
  const root = resolve(distDir)
  const index = existsSync(join(root, 'index.html')) ? readClient(root) : null
  const indexHtml = index?.get('/index.html')
  if (!index || !indexHtml) {
    app.get('*', (c) => c.text('客户端尚未构建：请先运行 npm run build', 503))
    return app
  }
  app.get('*', (c) => {
    const file = index.get(c.req.path)
    if (file) return send(c, file)
    // A chunk that is not in this build: a 404, not the page, which a script import cannot run.
    if (c.req.path.startsWith('/assets/')) return c.text('没有这个文件', 404)
    return send(c, indexHtml)
  })
  return app
}
