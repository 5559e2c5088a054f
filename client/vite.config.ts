/** Builds the browser client from client/ into client/dist, which the server serves in production. */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const serverOrigin = 'http://127.0.0.1:3000'

export default defineConfig(({ command }) => ({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
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
