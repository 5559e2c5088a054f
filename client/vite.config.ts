/** Builds the browser client from client/ into client/dist, which the server serves in production. */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { editorPreload } from './editor-preload.ts'
import { precompress } from './precompress.ts'

const serverOrigin = 'http://127.0.0.1:3000'

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    react(),
    // A service worker that keeps the built client, so a reload without network still opens the app
    // (docs/OFFLINE.md). A new version waits until the teacher chooses to reload (client/src/offline).
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,woff2}'],
        // Above Workbox's default of 2 MiB, so that no chunk of the app is silently left out.
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        // Routes are in the hash: only `/` is the app. Every other path (API, exports, /healthz)
        // goes to the server as it is, and /collab WebSockets never pass through a service worker.
        navigateFallback: 'index.html',
        navigateFallbackAllowlist: [/^\/(index\.html)?(\?.*)?$/],
        cleanupOutdatedCaches: true,
        // The first visit's page is controlled at once, so its editor chunk, loaded later, comes from
        // the cache too. A later version still waits in `installed` until the teacher reloads for it.
        clientsClaim: true,
      },
    }),
    editorPreload(),
    precompress(),
  ],
  // A build started from inside vitest inherits NODE_ENV=test, which would ship React's development
  // build (twice the size, dev-only warnings); what is built into dist/ is always the production one.
  define: command === 'build' ? { 'process.env.NODE_ENV': JSON.stringify('production') } : {},
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The editor chunk (Tiptap, ProseMirror, Yjs) is about 600 kB and loads only when a document opens.
    chunkSizeWarningLimit: 800,
  },
  server: {
    // The client imports the editor schema and wire protocol from shared/, outside this root.
    fs: { allow: [fileURLToPath(new URL('..', import.meta.url))] },
    proxy: {
      '/api': serverOrigin,
      '/healthz': serverOrigin,
      '/collab': { target: serverOrigin, ws: true },
    },
  },
}))
