/**
 * A real store with some methods replaced, for tests that make storage fail or race at one precise
 * call. The store keeps private fields, so the rest is bound to the store itself, not inherited.
 */
import type { Store } from '../../server/store/store.ts'

export function storeWithOverrides(store: Store, overrides: Partial<Store>): Store {
  return new Proxy(store, {
    get(target, property) {
      if (Object.hasOwn(overrides, property)) return overrides[property as keyof Store]
      const value: unknown = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
