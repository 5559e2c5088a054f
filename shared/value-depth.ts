/**
 * How deeply arrays and objects nest in a value a client stored in a document (a map value, an
 * attribute, a mark's attributes). Walked with an explicit stack: the value comes from a client, and a
 * recursive walk would let that client choose how deep the server's stack goes.
 */

/** Whether `value` nests arrays and objects at most `maxDepth` deep (a plain value has depth 0). */
export function withinValueDepth(value: unknown, maxDepth: number): boolean {
  const stack: [unknown, number][] = [[value, 0]]
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const [current, depth] = next
    if (current === null || typeof current !== 'object' || current instanceof Uint8Array) continue
    if (depth + 1 > maxDepth) return false
    const children = Array.isArray(current) ? current : Object.values(current)
    for (const child of children) stack.push([child, depth + 1])
  }
  return true
}
