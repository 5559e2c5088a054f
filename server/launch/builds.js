// @ts-check
/**
 * The two builds the server runs from, and how `npm start` tells that one is missing or stale: a SHA-256
 * of its input files (paths and contents), written beside the output once the build has succeeded.
 * Contents rather than modification times: a checkout, `git stash` or a copy changes times without
 * changing a byte, or keeps old times on new bytes.
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = fileURLToPath(new URL('../..', import.meta.url))
const require = createRequire(import.meta.url)

/**
 * @typedef {object} Build
 * @property {'client' | 'server'} name
 * @property {string} label what a teacher starting the server is told is being built
 * @property {string[]} inputs files and folders, relative to the root, whose contents decide the output
 * @property {string} output a file every complete build leaves
 * @property {string[]} clean folders emptied first, so no file of a deleted source survives
 * @property {string[]} command arguments to `node`
 * @property {Record<string, string>} env
 */

/** @type {Build[]} */
export const builds = [
  {
    name: 'client',
    label: '网页端',
    inputs: ['client', 'shared', 'tsconfig.json', 'package-lock.json', 'server/launch/builds.js'],
    output: 'client/dist/index.html',
    // Vite empties client/dist itself.
    clean: [],
    command: [
      join(dirname(require.resolve('vite/package.json')), 'bin', 'vite.js'),
      'build',
      '--config',
      'client/vite.config.ts',
    ],
    env: { NODE_ENV: 'production' },
  },
  {
    name: 'server',
    label: '服务器',
    inputs: [
      'server',
      'shared',
      'tsconfig.json',
      'server/tsconfig.build.json',
      'package-lock.json',
      'server/launch/builds.js',
    ],
    output: 'build/server/main.js',
    clean: ['build/server', 'build/shared'],
    command: [require.resolve('typescript/bin/tsc'), '-p', 'server/tsconfig.build.json'],
    env: {},
  },
]

/**
 * Whether `build`'s output is there and was built from the inputs as they are now.
 * @param {Build} build
 */
export function isFresh(build) {
  const stamp = stampPath(build)
  if (!existsSync(join(root, build.output)) || !existsSync(stamp)) return false
  return readFileSync(stamp, 'utf8').trim() === digestOf(root, build.inputs)
}

/**
 * Builds `build`, and stamps it with its inputs' digest once it has succeeded; throws if it fails.
 * @param {Build} build
 */
export function runBuild(build) {
  const digest = digestOf(root, build.inputs)
  rmSync(stampPath(build), { force: true })
  for (const folder of build.clean) rmSync(join(root, folder), { recursive: true, force: true })
  const result = spawnSync(process.execPath, build.command, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...build.env },
  })
  if (result.status !== 0)
    throw new Error(`the ${build.name} build failed (${result.error?.message ?? `exit ${result.status}`})`)
  mkdirSync(dirname(stampPath(build)), { recursive: true })
  writeFileSync(stampPath(build), `${digest}\n`)
}

/**
 * SHA-256 over the relative path and contents of every file under `inputs`, in a fixed order. Build
 * output (`dist`), installed packages and dot-files are not inputs.
 * @param {string} base
 * @param {readonly string[]} inputs
 */
export function digestOf(base, inputs) {
  const hash = createHash('sha256')
  for (const file of inputs.flatMap((input) => filesUnder(join(base, input))).sort()) {
    const contents = readFileSync(file)
    hash.update(`${relative(base, file)}\0${contents.length}\0`)
    hash.update(contents)
  }
  return hash.digest('hex')
}

/**
 * @param {string} path
 * @returns {string[]}
 */
function filesUnder(path) {
  if (!existsSync(path)) return []
  if (statSync(path).isFile()) return [path]
  return readdirSync(path, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'dist' || entry.name === 'node_modules') return []
    const full = join(path, entry.name)
    return entry.isDirectory() ? filesUnder(full) : [full]
  })
}

/** @param {Build} build */
function stampPath(build) {
  return join(root, 'build', `${build.name}.sha256`)
}
