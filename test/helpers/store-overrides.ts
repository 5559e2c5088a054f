/**
 * A real store with some methods of one area replaced, for tests that make storage fail or race at one
 * precise call. The store keeps private fields, so the rest is bound to the area itself, not inherited.
 */
import type { Store, StoreArea } from '../../server/store/store.ts'

export function storeWithOverrides<A extends StoreArea>(store: Store, area: A, overrides: Partial<Store[A]>): Store {
  const replaced = new Proxy(store[area], {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof Store[A]]
      return boundTo(target, Reflect.get(target, property, target))
    },
  })
  return new Proxy(store, {
    get(target, property) {
      if (property === area) return replaced
      return boundTo(target, Reflect.get(target, property, target))
    },
  })
}

/** A method read through a proxy, still run on the real object whose private fields it needs. */
function boundTo(target: object, value: unknown): unknown {
  return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
}
