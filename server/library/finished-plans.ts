/** The 资源库's listing: every finished plan the user may read (LIBRARY-1), named for browsing (LIBRARY-2). */
import type { Actor } from '../../shared/access.ts'
import type { LibraryPlan } from '../../shared/api/library.ts'
import { versionName } from '../../shared/api/versions.ts'
import { subjectAndGradeOf } from '../../shared/library/group-subject.ts'
import { libraryScope } from '../../shared/library/library-scope.ts'
import type { Store } from '../store/store.ts'

export async function listLibrary(store: Pick<Store, 'library'>, actor: Actor): Promise<LibraryPlan[]> {
  const plans = await store.library.listFinishedPlans(libraryScope(actor))
  return plans.map((plan) => ({
    lessonId: plan.lessonId,
    title: plan.title,
    unit: plan.unit,
    lessonType: plan.lessonType,
    period: plan.period,
    semester: plan.semester,
    groupId: plan.groupId,
    groupName: plan.groupName,
    ...subjectAndGradeOf({ name: plan.groupName, subject: plan.groupSubject, grade: plan.groupGrade }),
    leadPreparer: { id: plan.leadPreparerId, displayName: plan.leadPreparerName },
    latestVersion: {
      id: plan.latestVersionId,
      number: plan.latestVersionNumber,
      name: versionName(plan.latestVersionNumber),
      createdAt: plan.latestVersionAt.toISOString(),
    },
  }))
}
