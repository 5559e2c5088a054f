/**
 * A build step that writes a brotli (`.br`) and a gzip (`.gz`) copy beside every text file of the
 * built client, so the server sends compressed bytes without compressing per request (docs/CLIENT.md,
 * CLIENT-1). Brotli at its best quality takes seconds for the whole client, too slow per request but
 * nothing at build time, and saves about a fifth over gzip for the editor's chunks.
 *
 * Node's own zlib does both encodings, so no plugin package is needed; it runs as the build's last
 * step, after the service worker is written, so `sw.js` is compressed too.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

const compressible = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Writes `<file>.br` and `<file>.gz` for each compressible file under `dir`, each only where it is smaller. */
export function precompressDirectory(dir: string): void {
  for (const path of filesUnder(dir)) {
    if (!compressible.test(path)) continue
    const bytes = readFileSync(path)
    const brotli = brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    })
    const gzip = gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION })
    if (brotli.length < bytes.length) writeFileSync(`${path}.br`, brotli)
    if (gzip.length < bytes.length) writeFileSync(`${path}.gz`, gzip)
  }
}

export function precompress(): Plugin {
  let outDir = ''
  return {
    name: 'gongbei-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir)
    },
    // After the PWA plugin's own closeBundle, which writes sw.js.
    closeBundle: {
      order: 'post',
      sequential: true,
      handler() {
        precompressDirectory(outDir)
      },
    },
  }
}
