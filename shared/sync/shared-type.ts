/**
 * Any Yjs shared type (map, array, text, XML element or fragment) as the walks over a document's
 * structure see it: where it sits and what it holds. Yjs's `AbstractType<Event>` is invariant in its
 * event type, so of its instances only `AbstractType<any>` takes every kind; these members have no
 * event in them.
 */
import type * as Y from 'yjs'

export type SharedType = Pick<Y.AbstractType<unknown>, '_item' | '_start' | '_map' | 'doc'>
