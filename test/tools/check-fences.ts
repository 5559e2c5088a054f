/**
 * Architecture fences, run by `npm test` and CI:
 * - `shared/` imports neither `client/` nor `server/` (both ends must be able to use all of it);
 * - `server/` does not import `client/`, and `client/` does not import `server/`;
 * - no import cycles among our own modules.
 * Imports are read with the TypeScript compiler's own pre-processor, not with regular expressions.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
const forbidden: Record<string, string[]> = {
  shared: ['client', 'server'],
  server: ['client'],
  client: ['server'],
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (name === 'node_modules' || name === 'dist') return []
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

function localImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
  return importedFiles
    .map((imported) => imported.fileName)
    .filter((name) => name.startsWith('.'))
    .map((name) => resolve(dirname(file), name))
}

const files = ['shared', 'server', 'client'].flatMap((top) => sourceFiles(join(root, top)))
const graph = new Map(files.map((file) => [file, localImports(file)]))
const problems: string[] = []
const area = (file: string) => relative(root, file).split('/')[0]!

for (const [file, imports] of graph) {
  for (const target of imports) {
    if (forbidden[area(file)]?.includes(area(target))) {
      problems.push(`${relative(root, file)} imports ${relative(root, target)}`)
    }
  }
}

const done = new Set<string>()
const onPath: string[] = []
function visit(file: string): void {
  if (done.has(file)) return
  const at = onPath.indexOf(file)
  if (at >= 0) {
    problems.push(`import cycle: ${[...onPath.slice(at), file].map((f) => relative(root, f)).join(' → ')}`)
    return
  }
  onPath.push(file)
  for (const target of graph.get(file) ?? []) visit(target)
  onPath.pop()
  done.add(file)
}
for (const file of graph.keys()) visit(file)

if (problems.length > 0) {
  console.error(`Architecture fences broken:\n  ${problems.join('\n  ')}`)
  process.exit(1)
}
console.log(`Architecture fences hold (${files.length} modules).`)
