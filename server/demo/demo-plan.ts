/**
 * The demo group's 备课计划 around today, so that the plan, the calendar and 我的任务 look like a
 * semester under way: lessons taught weeks ago (finalized, in 二次备课), two late ones still in 研讨
 * and 主备, the sample 导学案 in 集体研讨 this week, and the coming weeks' drafts, each with a
 * different 主备人.
 */
import { localDateTime, semesterOf } from '../../shared/workflow/lesson-schedule.ts'
import type { LessonStage } from '../../shared/workflow/stages.ts'
import type { GroupRecord, Store, UserRecord } from '../store/store.ts'
import { newLessonPlanUpdate } from '../template/new-lesson-plan.ts'
import { draftHeader } from '../workflow/draft-header.ts'
import { planDocumentTitle } from '../workflow/plan-entries.ts'
import { sampleLessonTitle } from './sample-lesson.ts'

interface DemoLesson {
  title: string
  /** 单元 of the textbook, by which the 资源库 files it (LIBRARY-12). */
  unit: string
  lessonType: string
  period: number
  /** Days from the sample lesson, a Tuesday: the group meets on weekdays. */
  day: number
  time: string
  place: string
  leadPreparer: string
  /** The moves it went through, from 主备. */
  path: LessonStage[]
}

const demoLessons: readonly DemoLesson[] = [
  {
    title: '2.1 整式',
    unit: '第二章 整式的加减',
    lessonType: '新授',
    period: 1,
    day: -21,
    time: '14:00',
    place: '数学教研室',
    leadPreparer: 'teacher2',
    path: ['review', 'finalized', 'adapting'],
  },
  {
    title: '2.2 整式的加减——合并同类项',
    unit: '第二章 整式的加减',
    lessonType: '新授',
    period: 1,
    day: -14,
    time: '14:00',
    place: '数学教研室',
    leadPreparer: 'teacher3',
    path: ['review', 'finalized'],
  },
  {
    title: '第二章 整式的加减 单元测试讲评',
    unit: '第二章 整式的加减',
    lessonType: '讲评',
    period: 1,
    day: -12,
    time: '15:40',
    place: '录播教室',
    leadPreparer: 'mentor',
    path: ['review'],
  },
  {
    title: '2.2 整式的加减——去括号',
    unit: '第二章 整式的加减',
    lessonType: '新授',
    period: 2,
    day: -8,
    time: '14:00',
    place: '数学教研室',
    leadPreparer: 'apprentice',
    path: [],
  },
  {
    title: '3.1.2 等式的性质',
    unit: '第三章 一元一次方程',
    lessonType: '新授',
    period: 1,
    day: 2,
    time: '14:00',
    place: '数学教研室',
    leadPreparer: 'teacher2',
    path: [],
  },
  {
    title: '3.2 解一元一次方程（一）——合并同类项与移项',
    unit: '第三章 一元一次方程',
    lessonType: '新授',
    period: 1,
    day: 7,
    time: '14:00',
    place: '七（2）班教室',
    leadPreparer: 'teacher3',
    path: [],
  },
  {
    title: '3.3 解一元一次方程（二）——去括号与去分母',
    unit: '第三章 一元一次方程',
    lessonType: '新授',
    period: 1,
    day: 14,
    time: '14:00',
    place: '数学教研室',
    leadPreparer: 'mentor',
    path: [],
  },
]

export interface DemoPlanPeople {
  group: GroupRecord
  user: (username: string) => UserRecord
}

/** School-local date `days` from `date` (`YYYY-MM-DD`). */
function dayFrom(date: string, days: number): string {
  const moved = new Date(`${date}T12:00:00Z`)
  moved.setUTCDate(moved.getUTCDate() + days)
  return moved.toISOString().slice(0, 10)
}

/** The first Tuesday after `today`: the sample lesson is always coming, and on a weekday. */
function nextTuesday(today: string): string {
  const weekday = new Date(`${today}T12:00:00Z`).getUTCDay()
  return dayFrom(today, (2 - weekday + 7) % 7 || 7)
}

export interface DemoPlanTime {
  now: Date
  /** The sample 导学案's content, as one update. */
  sample: Uint8Array
}

export async function seedDemoPlan(
  store: Pick<Store, 'lessons' | 'templates' | 'updates' | 'versions'>,
  people: DemoPlanPeople,
  { now, sample }: DemoPlanTime,
): Promise<void> {
  const { group, user } = people
  const today = localDateTime(now).date
  const leader = user('leader')
  const teacher1 = user('teacher1')
  // The lesson the group reviews this week, with 集体研讨 open so that every teacher can co-edit it.
  const sampleDate = nextTuesday(today)
  const sampleLesson = await store.lessons.createLesson({
    schoolId: group.schoolId,
    groupId: group.id,
    createdBy: leader.id,
    documentTitle: sampleLessonTitle,
    semester: semesterOf(sampleDate),
    title: sampleLessonTitle.replace(/ 导学案$/, ''),
    unit: '第三章 一元一次方程',
    lessonType: '新授',
    period: 1,
    scheduledDate: sampleDate,
    scheduledTime: '14:00',
    place: '数学教研室',
    leadPreparerId: teacher1.id,
  })
  await store.updates.appendUpdates(sampleLesson.documentId, [sample])
  const submitted = new Date(now.getTime() - 24 * 3600 * 1000)
  await store.lessons.moveLessonStage({
    lessonId: sampleLesson.id,
    from: 'draft',
    to: 'review',
    actorId: teacher1.id,
    at: submitted,
  })
  await store.lessons.setLiveReviewOpen(sampleLesson.id, true, 'review')
  // The sample must stay the school's first document (the documents page and tests open it first), and
  // documents created within one millisecond are ordered by their random id.
  await new Promise((resolve) => setTimeout(resolve, 2))

  for (const lesson of demoLessons) {
    const scheduledDate = dayFrom(sampleDate, lesson.day)
    const leadPreparer = user(lesson.leadPreparer)
    const record = await store.lessons.createLesson({
      schoolId: group.schoolId,
      groupId: group.id,
      createdBy: leader.id,
      documentTitle: planDocumentTitle(lesson.title),
      semester: semesterOf(scheduledDate),
      title: lesson.title,
      unit: lesson.unit,
      lessonType: lesson.lessonType,
      period: lesson.period,
      scheduledDate,
      scheduledTime: lesson.time,
      place: lesson.place,
      leadPreparerId: leadPreparer.id,
    })
    const header = draftHeader({
      groupName: group.name,
      title: lesson.title,
      lessonType: lesson.lessonType,
      period: lesson.period,
      scheduledDate,
      leadPreparerName: leadPreparer.displayName,
      reviewerName: leader.displayName,
    })
    const draft = await newLessonPlanUpdate(store, group.schoolId, header)
    await store.updates.appendUpdates(record.documentId, [draft])
    await replayMoves(store, record.id, record.documentId, lesson.path, {
      leadPreparerId: leadPreparer.id,
      leaderId: leader.id,
      // The moves happened in the week before the lesson.
      startedAt: new Date(Date.parse(`${scheduledDate}T08:00:00+08:00`) - 7 * 24 * 3600 * 1000),
      draft,
    })
  }
}

interface ReplayPeople {
  leadPreparerId: string
  leaderId: string
  startedAt: Date
  draft: Uint8Array
}

async function replayMoves(
  store: Pick<Store, 'lessons' | 'versions'>,
  lessonId: string,
  documentId: string,
  path: readonly LessonStage[],
  { leadPreparerId, leaderId, startedAt, draft }: ReplayPeople,
): Promise<void> {
  let from: LessonStage = 'draft'
  for (const [index, to] of path.entries()) {
    const actorId = to === 'review' ? leadPreparerId : leaderId
    const at = new Date(startedAt.getTime() + index * 24 * 3600 * 1000)
    await store.lessons.moveLessonStage({ lessonId, from, to, actorId, at })
    if (to === 'finalized')
      await store.versions.createVersion({ lessonId, documentId, state: draft, createdBy: leaderId })
    from = to
  }
}
