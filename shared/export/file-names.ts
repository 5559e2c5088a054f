/**
 * Names of exported files, as a teacher would file them: 课题 + 学生版/教师版. Characters Windows does
 * not allow in file names are replaced, so the name survives any download folder.
 */
import { type Edition, editionLabels } from './export-model.ts'

const maxNameLength = 80

export function safeFileName(name: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
  return [...cleaned].slice(0, maxNameLength).join('') || '导学案'
}

export function editionFileName(title: string, edition: Edition, extension: 'docx' | 'pdf'): string {
  return `${safeFileName(`${title}-${editionLabels[edition]}`)}.${extension}`
}

/** Names inside one .zip: a second 课题 of the same name gets （2）, and so on. */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>()
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1
    seen.set(name, count)
    if (count === 1) return name
    const dot = name.lastIndexOf('.')
    return dot > 0 ? `${name.slice(0, dot)}（${count}）${name.slice(dot)}` : `${name}（${count}）`
  })
}
