/**
 * The 资源库 as teachers browse it (LIBRARY-2): 学科 → 年级 → 课题, each 课题 with the finished plans of
 * every year and group, the newest semester first. Subjects and grades follow the school's usual order;
 * what the usual order does not know comes after, by name.
 */
export interface LibraryTreePlan {
  title: string
  subject: string
  grade: string
  semester: string
  groupName: string
}

export interface LibraryTopic<P> {
  title: string
  plans: P[]
}

export interface LibraryGrade<P> {
  grade: string
  topics: LibraryTopic<P>[]
}

export interface LibrarySubject<P> {
  subject: string
  grades: LibraryGrade<P>[]
}

export const noSubject = '未分学科'
export const noGrade = '未分年级'

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
  const bySubject = groupedBy(plans, subjectOf)
  return [...bySubject.keys()].sort(byKnownOrder(subjectOrder, noSubject)).map((subject) => {
    const byGrade = groupedBy(bySubject.get(subject)!, gradeOf)
    return {
      subject,
      grades: [...byGrade.keys()].sort(byKnownOrder(gradeOrder, noGrade)).map((grade) => {
        const byTitle = groupedBy(byGrade.get(grade)!, (plan) => plan.title.trim())
        return {
          grade,
          topics: [...byTitle.keys()]
            .sort(collator.compare)
            .map((title) => ({ title, plans: [...byTitle.get(title)!].sort(newestFirst) })),
        }
      }),
    }
  })
}

/** What a teacher narrows the library to: a 学科, a 年级 (empty for all) and words of the 课题. */
export interface LibraryFilter {
  subject: string
  grade: string
  words: string
}

/**
 * [LIBRARY-10] The tree narrowed to a 学科, a 年级 and 课题 holding the words; branches left empty are
 * dropped. The 资源库 page and the 以此为底稿 picker narrow the same way.
 */
export function filterLibraryTree<P>(tree: readonly LibrarySubject<P>[], filter: LibraryFilter): LibrarySubject<P>[] {
  const words = filter.words.trim()
  return tree
    .filter((node) => filter.subject === '' || node.subject === filter.subject)
    .map((node) => ({
      ...node,
      grades: node.grades
        .filter((entry) => filter.grade === '' || entry.grade === filter.grade)
        .map((entry) => ({ ...entry, topics: entry.topics.filter((topic) => topic.title.includes(words)) }))
        .filter((entry) => entry.topics.length > 0),
    }))
    .filter((node) => node.grades.length > 0)
}
