/**
 * How long a browser may keep a file of the built client (docs/CLIENT.md, CLIENT-2). Files under
 * `/assets/` carry a hash of their content in their name, so a changed file is a new address: they are
 * kept for a year without asking again. `index.html`, which names the current assets, and the service
 * worker, which decides when a new version is taken, must be asked for every time (`no-cache` with an
 * ETag: a 304 costs one round trip and no bytes).
 */
export const immutableCache = 'public, max-age=31536000, immutable'
export const revalidateCache = 'no-cache'

/** A built asset's name: `name-<hash>.ext`, the hash from Vite (8 or more letters, digits, `_` or `-`). */
const hashedAsset = /^\/assets\/[^/]+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/

export function cacheControlFor(path: string): string {
  return hashedAsset.test(path) ? immutableCache : revalidateCache
}
