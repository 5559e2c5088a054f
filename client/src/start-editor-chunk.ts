/**
 * Imported first by `main.tsx`: on a document's address the editor page's chunk starts loading before
 * the rest of the app runs and asks who is signed in (CLIENT-10).
 */
import { loadEditorPage } from './pages/load-editor-page.ts'
import { parseRoute } from './routing.ts'

if (parseRoute(window.location.hash).page === 'editor') {
  // A chunk that fails here fails again in the page's own import, which shows the failure.
  loadEditorPage().catch(() => {})
}
