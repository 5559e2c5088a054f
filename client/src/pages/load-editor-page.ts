/**
 * The editor page's chunk. `main.tsx` starts it before the app has asked who is signed in when the
 * address is a document's, so that its download runs beside the entry's start and `/api/me` instead of
 * after them (CLIENT-10); the page's `React.lazy` then finds it loading or loaded.
 */
export const loadEditorPage = () => import('./EditorPage.tsx')
