/**
 * The lessons a 听课记录 may name: the observed teacher's (`mayObserveLesson`), offered in the order of
 * `lessonsToOffer`, and the titles the 听课记录 list shows.
 */
import type { Actor } from '../../shared/access.ts'
import type { ObservableLesson } from '../../shared/api/mentorship.ts'
import { mayObserveLesson } from '../../shared/mentorship/observation-rules.ts'
import { lessonsToOffer, observedLessonSemesters } from '../../shared/mentorship/observed-lessons.ts'
import { localDateTime, recentSemesters } from '../../shared/workflow/lesson-schedule.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { Store } from '../store/store.ts'
import { peopleOf, personOf } from '../versions/people.ts'
import { missing, type Outcome, succeed } from '../workflow/outcome.ts'
import { membersOf } from './pair-members.ts'

export async function observableLessonsFor(
  store: Pick<Store, 'accounts' | 'groups' | 'lessons'>,
  actor: Actor,
  observedId: string,
  now = new Date(),
): Promise<Outcome<ObservableLesson[]>> {
  const observed = (await membersOf(store, [observedId])).get(observedId)
  if (!observed || observed.schoolId !== actor.schoolId) return missing('没有这位老师')
  const today = localDateTime(now).date
  const semesters = recentSemesters(today, observedLessonSemesters)
  const [ofGroups, prepared, groups] = await Promise.all([
    Promise.all(
      observed.groupIds.flatMap((groupId) =>
        semesters.map((semester) => store.lessons.listLessonsOfGroup(groupId, semester)),
      ),
    ),
    store.lessons.listLessonsOfLeadPreparer(observedId),
    store.groups.listGroups(actor.schoolId),
  ])
  const byId = new Map([...ofGroups.flat(), ...prepared].map((lesson) => [lesson.id, lesson]))
  const lessons = lessonsToOffer(
    [...byId.values()].filter((lesson) => mayObserveLesson(observed, lesson).allowed),
    today,
  )
  const groupNames = new Map(groups.map((group) => [group.id, group.name]))
  const people = await peopleOf(
    store,
    lessons.map((lesson) => lesson.leadPreparerId),
  )
  return succeed(
    lessons.map(({ id, title, period, semester, scheduledDate, scheduledTime, groupId, leadPreparerId }) => ({
      id,
      title,
      period,
      semester,
      scheduledDate,
      scheduledTime,
      groupName: groupNames.get(groupId) ?? '',
      leadPreparer: personOf(people, leadPreparerId),
    })),
  )
}

/** The lessons among `ids` that still exist, by id. */
export async function lessonsById(
  store: Pick<Store, 'lessons'>,
  ids: Iterable<string>,
): Promise<Map<string, LessonRecord>> {
  const lessons = await Promise.all([...new Set(ids)].map((id) => store.lessons.findLesson(id)))
  return new Map(lessons.flatMap((lesson) => (lesson ? [[lesson.id, lesson]] : [])))
}
