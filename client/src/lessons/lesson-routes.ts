/**
 * Hash routes of the 备课计划 (`#/groups/<groupId>/plan`, `#/groups/<groupId>/plan/<semester>`), a lesson
 * (`#/lessons/<id>`) and 我的任务 (`#/assignments`).
 */
export type LessonRoute =
  { page: 'plan'; groupId: string; semester?: string } | { page: 'lesson'; lessonId: string } | { page: 'assignments' }

export function parseLessonRoute(path: string): LessonRoute | null {
  const parts = path.split('/').slice(1).map(decodeURIComponent)
  if (parts.some((part) => part === '')) return null
  const [first, second, third, fourth] = parts
  if (parts.length === 1 && first === 'assignments') return { page: 'assignments' }
  if (parts.length === 2 && first === 'lessons') return { page: 'lesson', lessonId: second! }
  if (first === 'groups' && third === 'plan' && parts.length <= 4) {
    return { page: 'plan', groupId: second!, ...(fourth === undefined ? {} : { semester: fourth }) }
  }
  return null
}

export function lessonHref(route: LessonRoute): string {
  switch (route.page) {
    case 'assignments':
      return '#/assignments'
    case 'lesson':
      return `#/lessons/${encodeURIComponent(route.lessonId)}`
    case 'plan': {
      const parts = ['groups', route.groupId, 'plan', ...(route.semester === undefined ? [] : [route.semester])]
      return `#/${parts.map(encodeURIComponent).join('/')}`
    }
  }
}

const lessonPages: readonly string[] = ['plan', 'lesson', 'assignments'] satisfies LessonRoute['page'][]

export function isLessonRoute(route: { page: string }): route is LessonRoute {
  return lessonPages.includes(route.page)
}
