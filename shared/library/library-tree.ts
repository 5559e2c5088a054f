/**
 * The 资源库 as teachers browse it (LIBRARY-2, LIBRARY-12): 学科 → 年级 → 单元 → 课题, each 课题 with the
 * finished plans of every year and group, the newest semester first. Subjects and grades follow the
 * school's usual order; what the usual order does not know comes after, by name. Units come in the
 * textbook's order (第二章 before 第十章), lessons without one under 未分单元, last.
 */
export interface LibraryTreePlan {
  title: string
  unit: string
  subject: string
  grade: string
  semester: string
  groupName: string
}

export interface LibraryTopic<P> {
  title: string
  plans: P[]
}

export interface LibraryUnit<P> {
  unit: string
  topics: LibraryTopic<P>[]
}

export interface LibraryGrade<P> {
  grade: string
  units: LibraryUnit<P>[]
}

export interface LibrarySubject<P> {
  subject: string
  grades: LibraryGrade<P>[]
}

export const noSubject = '未分学科'
export const noGrade = '未分年级'
export const noUnit = '未分单元'

const subjectOrder = [
  '语文',
  '数学',
  '英语',
  '物理',
  '化学',
  '生物',
  '道德与法治',
  '政治',
  '历史',
  '地理',
  '科学',
  '信息技术',
  '音乐',
  '美术',
  '体育',
]
const gradeOrder = [
  '一年级',
  '二年级',
  '三年级',
  '四年级',
  '五年级',
  '六年级',
  '七年级',
  '初一',
  '八年级',
  '初二',
  '九年级',
  '初三',
  '高一',
  '高二',
  '高三',
]

const collator = new Intl.Collator('zh-CN', { numeric: true })

function byKnownOrder(order: readonly string[], last: string) {
  const rank = (name: string) =>
    name === last ? order.length + 1 : order.includes(name) ? order.indexOf(name) : order.length
  return (a: string, b: string) => rank(a) - rank(b) || collator.compare(a, b)
}

const chineseDigits: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
}

/** A number written in Chinese up to 九十九 (十二, 二十, 二十三), as digits. */
function chineseNumberValue(written: string): number {
  const [tens, ones] = written.split('十') as [string, string | undefined]
  if (ones === undefined) return chineseDigits[tens] ?? 0
  return (tens === '' ? 1 : (chineseDigits[tens] ?? 0)) * 10 + (ones === '' ? 0 : (chineseDigits[ones] ?? 0))
}

/**
 * The name with its Chinese numbers as digits, for sorting only: a collation reads 一, 二, 三 by their
 * sound (èr, sān, yī), so 第一章 would come after 第三章.
 */
export function unitSortKey(unit: string): string {
  return unit.replace(/[零一二两三四五六七八九]?十[一二三四五六七八九]?|[零一二两三四五六七八九]/g, (written) =>
    String(chineseNumberValue(written)),
  )
}

/** 单元 in the textbook's order, 未分单元 last. */
export function compareUnits(a: string, b: string): number {
  const rank = (name: string) => (name === noUnit ? 1 : 0)
  return rank(a) - rank(b) || collator.compare(unitSortKey(a), unitSortKey(b)) || collator.compare(a, b)
}

function groupedBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    groups.set(key, [...(groups.get(key) ?? []), item])
  }
  return groups
}

/**
 * Newest semester first, then by group. Semester names sort by code point (第一 before 第二 within a
 * school year); a Chinese collation would put 二 (èr) before 一 (yī).
 */
function newestFirst(a: LibraryTreePlan, b: LibraryTreePlan): number {
  if (a.semester !== b.semester) return a.semester < b.semester ? 1 : -1
  return collator.compare(a.groupName, b.groupName)
}

export function libraryTree<P extends LibraryTreePlan>(plans: readonly P[]): LibrarySubject<P>[] {
  const subjectOf = (plan: P) => plan.subject.trim() || noSubject
  const gradeOf = (plan: P) => plan.grade.trim() || noGrade
  const unitOf = (plan: P) => plan.unit.trim() || noUnit
  const bySubject = groupedBy(plans, subjectOf)
  return [...bySubject.keys()].sort(byKnownOrder(subjectOrder, noSubject)).map((subject) => {
    const byGrade = groupedBy(bySubject.get(subject)!, gradeOf)
    return {
      subject,
      grades: [...byGrade.keys()].sort(byKnownOrder(gradeOrder, noGrade)).map((grade) => {
        const byUnitName = groupedBy(byGrade.get(grade)!, unitOf)
        return {
          grade,
          units: [...byUnitName.keys()]
            .sort(compareUnits)
            .map((unit) => ({ unit, topics: topicsOf(byUnitName.get(unit)!) })),
        }
      }),
    }
  })
}

function topicsOf<P extends LibraryTreePlan>(plans: readonly P[]): LibraryTopic<P>[] {
  const byTitle = groupedBy(plans, (plan) => plan.title.trim())
  return [...byTitle.keys()]
    .sort(collator.compare)
    .map((title) => ({ title, plans: [...byTitle.get(title)!].sort(newestFirst) }))
}

/** What a teacher narrows the library to: a 学科, a 年级 (empty for all) and words of the 单元 or 课题. */
export interface LibraryFilter {
  subject: string
  grade: string
  words: string
}

/**
 * [LIBRARY-10] The tree narrowed to a 学科, a 年级 and 课题 holding the words, or every 课题 of a 单元
 * whose name holds them (LIBRARY-12); branches left empty are dropped. The 资源库 page and the
 * 以此为底稿 picker narrow the same way.
 */
export function filterLibraryTree<P>(tree: readonly LibrarySubject<P>[], filter: LibraryFilter): LibrarySubject<P>[] {
  const words = filter.words.trim()
  return tree
    .filter((node) => filter.subject === '' || node.subject === filter.subject)
    .map((node) => ({
      ...node,
      grades: node.grades
        .filter((entry) => filter.grade === '' || entry.grade === filter.grade)
        .map((entry) => ({
          ...entry,
          units: entry.units
            .map((node) =>
              node.unit.includes(words)
                ? node
                : { ...node, topics: node.topics.filter((topic) => topic.title.includes(words)) },
            )
            .filter((node) => node.topics.length > 0),
        }))
        .filter((entry) => entry.units.length > 0),
    }))
    .filter((node) => node.grades.length > 0)
}

/** Every plan of the tree, in its order. */
export function plansIn<P>(tree: readonly LibrarySubject<P>[]): P[] {
  return tree.flatMap((node) =>
    node.grades.flatMap((entry) => entry.units.flatMap((unit) => unit.topics.flatMap((topic) => topic.plans))),
  )
}
