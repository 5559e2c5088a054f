/**
 * JSON shapes of the 备课计划 and lesson API (`server/http/routes/lesson-routes.ts`, `plan-routes.ts`),
 * shared by the server (validation, OpenAPI) and the client (types).
 */
import { z } from 'zod'
import { accessLevels } from '../access.ts'
import { lessonActions } from '../workflow/lesson-rules.ts'
import { lessonStages } from '../workflow/stages.ts'

/** The 课型 the form offers; a school may write its own. */
export const commonLessonTypes = ['新授', '复习', '讲评', '习题', '实验', '活动'] as const

export const localDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD')
  .describe('School-local date, YYYY-MM-DD')
export const localTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:MM')
  .describe('School-local time, HH:MM')

/** One entry of the 备课计划 as the leader fills it in (四定); its semester follows from the date. */
export const lessonPlanInput = z.object({
  title: z.string().trim().min(1, '请填写课题').max(100),
  /** 单元 of the textbook, e.g. 第三章 一元一次方程; empty or left out when none (LIBRARY-12). */
  unit: z.string().trim().max(40, '单元名称最多 40 个字').optional(),
  lessonType: z.string().trim().min(1, '请选择课型').max(20),
  period: z.number().int().min(1).max(50),
  scheduledDate: localDate,
  scheduledTime: localTime.nullable(),
  place: z.string().trim().max(60),
  leadPreparerId: z.string().min(1, '请选择主备人'),
})
export type LessonPlanInput = z.infer<typeof lessonPlanInput>

export const lessonPlanPatch = lessonPlanInput.partial()
export type LessonPlanPatch = z.infer<typeof lessonPlanPatch>

export const person = z.object({ id: z.string(), displayName: z.string() })
export type Person = z.infer<typeof person>

export const lessonSummary = z.object({
  id: z.string(),
  groupId: z.string(),
  semester: z.string(),
  title: z.string(),
  /** 单元, empty when none. */
  unit: z.string(),
  lessonType: z.string(),
  period: z.number(),
  scheduledDate: z.string(),
  scheduledTime: z.string().nullable(),
  place: z.string(),
  leadPreparer: person,
  /** The shared 导学案. */
  documentId: z.string(),
  stage: z.enum(lessonStages),
  liveReviewOpen: z.boolean(),
  /** Past its date and not finalized. */
  overdue: z.boolean(),
  /** It has 定稿 versions (then the plan entry can no longer be deleted). */
  hasVersions: z.boolean(),
})
export type LessonSummary = z.infer<typeof lessonSummary>

export const decision = z.object({ allowed: z.boolean(), reason: z.string().optional() })
export type DecisionView = z.infer<typeof decision>

/** A group's plan for one semester. */
export const groupPlan = z.object({
  group: z.object({ id: z.string(), name: z.string() }),
  semester: z.string(),
  /** Semesters with lessons, and the current one. */
  semesters: z.array(z.string()),
  /** May the signed-in user add, change and assign entries. */
  manage: decision,
  /** Who can be 主备人: the group's teachers. */
  members: z.array(person),
  /** 单元 the group's lessons of any semester were given, in the textbook's order: the form suggests them. */
  units: z.array(z.string()),
  lessons: z.array(lessonSummary),
})
export type GroupPlan = z.infer<typeof groupPlan>

export const assignment = lessonSummary.extend({ groupName: z.string() })
export type Assignment = z.infer<typeof assignment>

export const stageChangeRequest = z.object({ to: z.enum(lessonStages) })
export const liveReviewRequest = z.object({ open: z.boolean() })

/** A move from the lesson's stage, as the signed-in user sees it. */
export const stageMove = z.object({
  to: z.enum(lessonStages),
  label: z.string(),
  allowed: z.boolean(),
  /** Why the move is refused to this user. */
  reason: z.string().optional(),
})
export type StageMove = z.infer<typeof stageMove>

export const stageEvent = z.object({
  seq: z.number(),
  from: z.enum(lessonStages),
  to: z.enum(lessonStages),
  actor: person,
  at: z.string().describe('ISO 8601'),
})
export type StageEvent = z.infer<typeof stageEvent>

export const lessonDocument = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.string(),
  access: z.enum(accessLevels),
  createdBy: person,
})
export type LessonDocument = z.infer<typeof lessonDocument>

export const lessonDetail = z.object({
  lesson: lessonSummary,
  groupName: z.string(),
  /** Every move the state machine has from the lesson's stage, allowed or not for this user. */
  moves: z.array(stageMove),
  /** What this user may do with the lesson, by action (`decide`); panels show or hide on these. */
  permissions: z.record(z.enum(lessonActions), decision),
  history: z.array(stageEvent),
  /** Documents of the lesson this user may open, the shared 导学案 first. */
  documents: z.array(lessonDocument),
})
export type LessonDetail = z.infer<typeof lessonDetail>
