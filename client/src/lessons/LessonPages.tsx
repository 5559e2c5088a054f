/** The pages of the 备课计划: a group's plan, a lesson, and 我的任务. */
import type { Me } from '../../../shared/api.ts'
import { AssignmentsPage } from './AssignmentsPage.tsx'
import { LessonPage } from './LessonPage.tsx'
import type { LessonRoute } from './lesson-routes.ts'
import { PlanPage } from './PlanPage.tsx'

export function LessonPages({ route, me }: { route: LessonRoute; me: Me }) {
  switch (route.page) {
    case 'plan':
      return (
        <PlanPage
          key={`${route.groupId}/${route.semester ?? ''}`}
          groupId={route.groupId}
          semester={route.semester}
          me={me}
        />
      )
    case 'lesson':
      return <LessonPage key={route.lessonId} lessonId={route.lessonId} me={me} />
    case 'assignments':
      return <AssignmentsPage />
  }
}
