import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { precompressDirectory } from '../../../client/precompress.ts'
import { chooseEncoding } from '../../../server/http/content-encoding.ts'
import { staticClient } from '../../../server/http/static-client.ts'

/** A built client in miniature: the page, a hashed chunk, the service worker, and a picture. */
const script = `export const sample = ${JSON.stringify('共备'.repeat(2000))}\n`
const page =
  '<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd34.js"></script></head><body></body></html>'

describe('serving the built client', () => {
  let dir: string
  let app: ReturnType<typeof staticClient>
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongbei-dist-'))
    mkdirSync(join(dir, 'assets'))
    writeFileSync(join(dir, 'index.html'), page.repeat(4))
    writeFileSync(join(dir, 'assets', 'index-Ab12Cd34.js'), script)
    writeFileSync(join(dir, 'sw.js'), `self.precache = ${JSON.stringify('index.html '.repeat(100))}`)
    writeFileSync(join(dir, 'assets', 'logo-Zz98Yy76.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]))
    precompressDirectory(dir)
    app = staticClient(dir)
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers })

  it('[CLIENT-1] the build step writes a brotli and a gzip copy of each text file, not of pictures', () => {
    expect(readdirSync(join(dir, 'assets')).sort()).toEqual([
      'index-Ab12Cd34.js',
      'index-Ab12Cd34.js.br',
      'index-Ab12Cd34.js.gz',
      'logo-Zz98Yy76.png',
    ])
  })

  it('[CLIENT-1] sends brotli to a browser that takes it, gzip to one that takes only gzip, else the file as it is', async () => {
    const brotli = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(brotli.headers.get('content-encoding')).toBe('br')
    expect(brotli.headers.get('vary')).toBe('Accept-Encoding')
    const brotliBytes = new Uint8Array(await brotli.arrayBuffer())
    expect(brotliBytes.length).toBeLessThan(script.length / 10)
    expect(brotliDecompressSync(brotliBytes).toString()).toBe(script)

    const gzip = await get('/assets/index-Ab12Cd34.js', { 'accept-encoding': 'gzip' })
    expect(gzip.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(new Uint8Array(await gzip.arrayBuffer())).toString()).toBe(script)

    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0', 'deflate']) {
      const plain = await get('/assets/index-Ab12Cd34.js', accept ? { 'accept-encoding': accept } : {})
      expect(plain.headers.get('content-encoding'), accept).toBeNull()
      expect(await plain.text(), accept).toBe(script)
    }
    expect(chooseEncoding('br;q=0, *', new Set(['br', 'gzip']))).toBe('gzip')
    expect(chooseEncoding('gzip;q=0.5, br;q=0.1', new Set(['br', 'gzip']))).toBe('br')
    expect(chooseEncoding('x-gzip', new Set(['gzip']))).toBe('gzip')
  })

  it('[CLIENT-2] keeps hashed assets a year without asking again; the page and the service worker are revalidated', async () => {
    const asset = await get('/assets/index-Ab12Cd34.js')
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    for (const path of ['/', '/index.html', '/sw.js']) {
      const response = await get(path, { 'accept-encoding': 'br' })
      expect(response.headers.get('cache-control'), path).toBe('no-cache')
      expect(response.headers.get('etag'), path).toMatch(/^"[\w-]+-br"$/)
    }
    const picture = await get('/assets/logo-Zz98Yy76.png', { 'accept-encoding': 'br' })
    expect([picture.headers.get('content-encoding'), picture.headers.get('content-type')]).toEqual([null, 'image/png'])
  })

  it('[CLIENT-2] answers a revalidation with 304 and no body while the file is the same', async () => {
    const first = await get('/index.html', { 'accept-encoding': 'gzip' })
    const etag = first.headers.get('etag')!
    const again = await get('/index.html', { 'accept-encoding': 'gzip', 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    // Another encoding is another representation: it is sent whole.
    const other = await get('/index.html', { 'accept-encoding': 'br', 'if-none-match': etag })
    expect(other.status).toBe(200)
    expect(other.headers.get('etag')).not.toBe(etag)
  })

  it('answers other paths with the page, but a chunk missing from the build with 404, and nothing outside it', async () => {
    const deepLink = await get('/lessons/abc')
    expect([deepLink.status, await deepLink.text()]).toEqual([200, page.repeat(4)])
    expect((await get('/assets/EditorPage-Gone1234.js')).status).toBe(404)
    for (const path of ['/../package.json', '/%2e%2e/package.json', '/assets/../../package.json']) {
      const response = await get(path)
      expect(await response.text(), path).not.toContain('"name"')
    }
  })
})
