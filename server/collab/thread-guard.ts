/**
 * Keeps comment-only access and thread authorship honest, at a cost only for the updates that need it.
 *
 * Edit connections take the fast path: the decoded update's structs are classified against an index
 * of every item id inside the `threads` root (an item's parent is named, or is the parent of its
 * origin), which costs a few map lookups per struct. Only an update that touches threads, or refers
 * to something the room has not seen, is checked in full; an update from a comment connection always
 * is. A full check applies the update to a scratch Y.Doc (brought up to date with the room first) and
 * judges the resulting transaction (`thread-review.ts`). A refused update has already changed the
 * scratch document, so the guard starts again from the room's state on its next check.
 *
 * The scratch document holds the whole document with its history, so it is built only for a full check
 * or when the document has threads. A room where nobody comments never builds it: its index is read from
 * the stored update itself (`knownWithoutThreads`).
 *
 * Before either, every update is placed against the room's items (`item-places.ts`): content nested
 * deeper than `limits.maxContentDepth`, or a value nested deeper than `limits.maxValueDepth`, is refused
 * before anything is integrated (docs/BOUNDS.md). Nothing here recurses, and no walk is longer than the
 * update or that limit: a client decides how deep its update nests.
 */
import * as Y from 'yjs'
import type { SharedType } from '../../shared/sync/shared-type.ts'
import { threadsRootName } from '../../shared/threads/thread-model.ts'
import type { ThreadActor } from '../../shared/threads/thread-rules.ts'
import type { DecodedUpdate } from './document-state.ts'
import { IdRanges } from './id-ranges.ts'
import { ItemPlaces, placeStructs } from './item-places.ts'
import { TypeRoots } from './thread-items.ts'
import { reviewTransaction, type ThreadReview } from './thread-review.ts'

/** What the room holds: its stored state and the accepted updates still on their way to the store. */
export interface GuardSource {
  diff(stateVector: Uint8Array): Uint8Array
  unstored(): Iterable<Uint8Array>
}

interface Scratch {
  /** Null until a full check needs it, if the document had no threads. */
  doc: Y.Doc | null
  /** Ids of every item inside `threads`, deleted ones included. */
  threadIds: IdRanges
  /** Clock per client up to which the room has every item: the state, plus every accepted update. */
  known: Map<number, number>
  /** Where every item the room has sits; null when it must be read again from the room. */
  places: ItemPlaces | null
}

type ScratchWithDocument = Scratch & { doc: Y.Doc }

function hasDocument(scratch: Scratch): scratch is ScratchWithDocument {
  return scratch.doc !== null
}

export class ThreadGuard {
  private scratch: Scratch | null = null

  constructor(private readonly source: GuardSource) {}

  review(update: Uint8Array, decoded: DecodedUpdate, actor: ThreadActor): ThreadReview {
    const scratch = (this.scratch ??= this.loadIndex())
    const places = (scratch.places ??= this.readPlaces())
    const placed = placeStructs(decoded.structs, places)
    if (placed.refusal !== null) return { allowed: false, reason: placed.refusal }
    if (actor.access === 'edit' && !placed.incomplete && !this.needsFullCheck(scratch, decoded)) {
      noteKnown(scratch.known, decoded)
      places.addAll(decoded.structs, placed.places)
      return { allowed: true, activity: [] }
    }
    const checked = hasDocument(scratch) ? scratch : (this.scratch = this.load(places))
    const verdict = this.check(checked, update, decoded, actor)
    if (verdict.allowed) {
      // Every struct was integrated, so a struct left unplaced means the places missed something.
      if (placed.incomplete) checked.places = null
      else places.addAll(decoded.structs, placed.places)
    }
    return verdict
  }

  /**
   * Whether the update refers to something the room has neither stored nor accepted: a struct without
   * its predecessor, an item whose neighbours or parent it lacks, a deletion of an unknown item. The room
   * holds such an update until what it needs arrives (`held-updates.ts`) rather than review it now.
   */
  lacksDependencies(decoded: DecodedUpdate): boolean {
    const scratch = (this.scratch ??= this.loadIndex())
    return missesDependencies(scratch.known, decoded, new UpdateIds(decoded.structs))
  }

  /**
   * Takes in a row another instance stored, judged there already (SCALE-2). One beside the threads is
   * noted as the fast path notes an accepted edit, at the cost of the row; one that touches threads, or
   * that cannot be placed, makes the guard start again from the room's state when next asked.
   */
  observe(decoded: DecodedUpdate): void {
    const scratch = this.scratch
    if (scratch === null) return
    const places = scratch.places
    const placed = places === null ? null : placeStructs(decoded.structs, places)
    if (places === null || placed === null || placed.refusal !== null || placed.incomplete) return this.reset()
    if (this.needsFullCheck(scratch, decoded)) return this.reset()
    noteKnown(scratch.known, decoded)
    places.addAll(decoded.structs, placed.places)
  }

  /** Something reached the room without passing here (a server change, rows read from the store). */
  reset(): void {
    this.scratch?.doc?.destroy()
    this.scratch = null
  }

  private loadIndex(): Scratch {
    const { structs } = Y.decodeUpdate(this.wholeState())
    const places = ItemPlaces.of(structs)
    const known = knownWithoutThreads(structs)
    return known === null ? this.load(places) : { doc: null, threadIds: new IdRanges(), known, places }
  }

  private readPlaces(): ItemPlaces {
    return ItemPlaces.of(Y.decodeUpdate(this.wholeState()).structs)
  }

  private wholeState(): Uint8Array {
    const unstored = [...this.source.unstored()]
    const state = this.source.diff(new Uint8Array([0]))
    return unstored.length === 0 ? state : Y.mergeUpdates([state, ...unstored])
  }

  private load(places: ItemPlaces | null): ScratchWithDocument {
    // Deleted content stays readable: who wrote a deleted thread decides who may have deleted it.
    const doc = new Y.Doc({ gc: false })
    Y.applyUpdate(doc, this.source.diff(new Uint8Array([0])))
    for (const update of this.source.unstored()) Y.applyUpdate(doc, update)
    const threadIds = new IdRanges()
    indexType(doc.getMap(threadsRootName), threadIds)
    return { doc, threadIds, known: Y.decodeStateVector(Y.encodeStateVector(doc)), places }
  }

  /**
   * Runs for every edit, so it allocates no closures: under tsx each one created costs a
   * `defineProperty` for its name.
   */
  private needsFullCheck({ threadIds, known }: Scratch, decoded: DecodedUpdate): boolean {
    // Without what it refers to an update would wait in the store, to be judged by nobody once it arrives.
    if (missesDependencies(known, decoded, new UpdateIds(decoded.structs))) return true
    for (const [client, deletions] of decoded.ds.clients) {
      for (const { clock, len } of deletions) {
        if (threadIds.intersects(client, clock, len)) return true
      }
    }
    return touchesThreads(decoded.structs, threadIds)
  }

  private check(
    scratch: ScratchWithDocument,
    update: Uint8Array,
    decoded: DecodedUpdate,
    actor: ThreadActor,
  ): ThreadReview {
    const { doc } = scratch
    Y.applyUpdate(doc, this.source.diff(Y.encodeStateVector(doc)))
    for (const unstored of this.source.unstored()) Y.applyUpdate(doc, unstored)
    let verdict: ThreadReview = { allowed: true, activity: [] }
    const judge = (transaction: Y.Transaction): void => {
      // A format change makes Yjs tidy the text in a second, local transaction of its own; judging that
      // one would overwrite the verdict (and the activity) of the update itself.
      if (transaction.local) return
      verdict = reviewTransaction(doc, transaction, actor)
      if (verdict.allowed) indexInsertedThreads(doc, transaction, scratch.threadIds)
    }
    doc.on('afterTransaction', judge)
    try {
      Y.applyUpdate(doc, update)
    } catch {
      // Yjs throws on structs no client writes (an item that is its own origin or parent): BOUNDS-5.
      verdict = { allowed: false, reason: unintegrableReason }
    } finally {
      doc.off('afterTransaction', judge)
    }
    if (verdict.allowed && !integrated(doc, decoded)) {
      verdict = { allowed: false, reason: '这次修改依赖服务器还没有收到的内容，重新连接后会再试' }
    }
    if (!verdict.allowed) {
      this.reset()
      return verdict
    }
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(doc))) scratch.known.set(client, clock)
    return verdict
  }
}

const unintegrableReason = '这次修改的内容自相矛盾，无法保存'

/**
 * The update's own ids. A keystroke is one or two structs, so a scan is cheapest; a reconnecting
 * client's sync step 2 can hold thousands, and gets an index.
 */
class UpdateIds {
  private readonly index: IdRanges | null = null

  constructor(private readonly structs: readonly (Y.Item | Y.GC | Y.Skip)[]) {
    if (structs.length <= 8) return
    this.index = new IdRanges()
    for (const struct of structs) {
      if (!(struct instanceof Y.Skip)) this.index.add(struct.id.client, struct.id.clock, struct.length)
    }
  }

  has(client: number, clock: number): boolean {
    if (this.index !== null) return this.index.has(client, clock)
    for (const struct of this.structs) {
      if (struct instanceof Y.Skip) continue
      if (struct.id.client === client && struct.id.clock <= clock && clock < struct.id.clock + struct.length)
        return true
    }
    return false
  }

  /** Whether the room has `id`, or this update brings it. */
  seen(known: ReadonlyMap<number, number>, id: Y.ID | null): boolean {
    return id === null || this.seenWith(known, id.client, id.clock)
  }

  seenWith(known: ReadonlyMap<number, number>, client: number, clock: number): boolean {
    return clock < (known.get(client) ?? 0) || this.has(client, clock)
  }
}

/** Runs for every edit, so it allocates no closures (see `needsFullCheck`). */
function missesDependencies(known: ReadonlyMap<number, number>, decoded: DecodedUpdate, own: UpdateIds): boolean {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue
    const { client, clock } = struct.id
    if (clock > 0 && !own.seenWith(known, client, clock - 1)) return true
    if (
      struct instanceof Y.Item &&
      !(own.seen(known, struct.origin) && own.seen(known, struct.rightOrigin) && own.seen(known, parentId(struct)))
    ) {
      return true
    }
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const { clock, len } of deletions) {
      if (clock + len > (known.get(client) ?? 0) && !own.has(client, clock + len - 1)) return true
    }
  }
  return false
}

/**
 * Whether an item of the update lives in `threads`. An item there either names the root or refers to
 * an item already inside it, or refers to another item of the update that does: following such
 * references always ends at one of the first two kinds, so one pass over the items is enough.
 */
function touchesThreads(structs: readonly (Y.Item | Y.GC | Y.Skip)[], threadIds: IdRanges): boolean {
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    if ((struct.parent as unknown) === threadsRootName) return true
    if (inThreads(threadIds, parentId(struct)) || inThreads(threadIds, struct.origin)) return true
    if (inThreads(threadIds, struct.rightOrigin)) return true
  }
  return false
}

function inThreads(threadIds: IdRanges, id: Y.ID | null): boolean {
  return id !== null && threadIds.has(id.client, id.clock)
}

/**
 * What a scratch document built from `update` would give as `known`, read from the update without
 * building one, or null when the document is needed after all. That is when an item names `threads` as
 * its parent: an item anywhere inside `threads` either does, or refers to one that is inside it (its
 * origin, right origin or parent), and following such references ends at one that does. And when not
 * every struct would be integrated (a gap, or a reference to an item the update lacks): a document
 * would leave those waiting, out of its state vector.
 */
function knownWithoutThreads(structs: readonly (Y.Item | Y.GC | Y.Skip)[]): Map<number, number> | null {
  const known = new Map<number, number>()
  for (const struct of structs) {
    const { client, clock } = struct.id
    if (struct instanceof Y.Skip || clock !== (known.get(client) ?? 0)) return null
    known.set(client, clock + struct.length)
  }
  const has = (id: Y.ID | null): boolean => id === null || id.clock < (known.get(id.client) ?? 0)
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue
    if ((struct.parent as unknown) === threadsRootName) return null
    if (!(has(struct.origin) && has(struct.rightOrigin) && has(parentId(struct)))) return null
  }
  return known
}

/** A decoded, not yet integrated item names its parent by root name (a string) or by the id of its type's item. */
function parentId(item: Y.Item): Y.ID | null {
  return item.parent instanceof Y.ID ? item.parent : null
}

function noteKnown(known: Map<number, number>, decoded: DecodedUpdate): void {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue
    const end = struct.id.clock + struct.length
    if (end > (known.get(struct.id.client) ?? 0)) known.set(struct.id.client, end)
  }
}

/** Whether every struct and deletion of the update took effect, rather than waiting for a missing one. */
function integrated(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  const state = (client: number): number => Y.getState(doc.store, client)
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Skip) && struct.id.clock + struct.length > state(struct.id.client)) return false
  }
  for (const [client, deletions] of decoded.ds.clients) {
    for (const { clock, len } of deletions) if (clock + len > state(client)) return false
  }
  return true
}

function indexInsertedThreads(doc: Y.Doc, transaction: Y.Transaction, threadIds: IdRanges): void {
  const threads = doc.getMap(threadsRootName)
  const roots = new TypeRoots()
  for (const [client, after] of transaction.afterState) {
    const structs = doc.store.clients.get(client) ?? []
    const before = transaction.beforeState.get(client) ?? 0
    if (after <= before) continue
    for (let index = Y.findIndexSS(structs, before); index < structs.length; index++) {
      const struct = structs[index]!
      if (struct.id.clock >= after) break
      if (struct instanceof Y.Item && roots.of(struct.parent as SharedType)?.root === threads) {
        threadIds.add(client, struct.id.clock, struct.length)
      }
    }
  }
}

/**
 * Every item in a type and in the types it holds, including deleted ones and overwritten map values.
 * A stored document may nest deeper than any stack (one stored before there was a limit), so the
 * types still to visit wait in a list instead of in nested calls.
 */
function indexType(root: SharedType, into: IdRanges): void {
  const types = [root]
  const visit = (item: Y.Item): void => {
    into.add(item.id.client, item.id.clock, item.length)
    if (item.content instanceof Y.ContentType) types.push(item.content.type)
  }
  for (let type = types.pop(); type !== undefined; type = types.pop()) {
    for (let item = type._start; item !== null; item = item.right) visit(item)
    for (const last of type._map.values()) {
      for (let item: Y.Item | null = last; item !== null; item = item.left) visit(item)
    }
  }
}
