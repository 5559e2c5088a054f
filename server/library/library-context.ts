/** What the 资源库's use cases take: the content context (to fill a draft through its room) and the library area. */
import type { Store } from '../store/store.ts'
import type { ContentContext } from '../versions/document-content.ts'

export interface LibraryContext extends ContentContext {
  store: ContentContext['store'] & Pick<Store, 'library'>
}
