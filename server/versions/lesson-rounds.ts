/**
 * 磨课 rounds of a lesson (docs/LIBRARY.md, LIBRARY-8 and LIBRARY-9): list them, start the next one,
 * compare two. Listing and comparing need `view`; starting needs `startRound` (the 主备人 or the leader,
 * once the plan is finalized). Which 定稿 is each round's is `lessonRounds` in shared/.
 */
import type { Actor } from '../../shared/access.ts'
import type { LessonRoundList, RoundComparison, RoundSummary } from '../../shared/api/rounds.ts'
import { countChanges, diffBlocks } from '../../shared/versions/block-diff.ts'
import { blocksOfState } from '../../shared/versions/document-blocks.ts'
import { lessonRounds, type Round, roundName } from '../../shared/versions/lesson-rounds.ts'
import { decide } from '../../shared/workflow/lesson-rules.ts'
import type { LessonRecord } from '../store/lesson-records.ts'
import type { VersionRecord } from '../store/version-records.ts'
import { lessonContextOf } from '../workflow/lesson-context.ts'
import { refreshLessonAccess } from '../workflow/live-access.ts'
import { forbid, missing, type Outcome, reject, succeed } from '../workflow/outcome.ts'
import { noSuchLesson, type WorkflowContext } from '../workflow/stage-change.ts'
import { type ContentContext, currentState } from './document-content.ts'
import { peopleOf, personOf } from './people.ts'
import { editorSchema, lessonAllowing, versionSummaries } from './version-service.ts'

type RoundStore = ContentContext['store']

async function roundsOf(store: RoundStore, lesson: LessonRecord): Promise<Round<VersionRecord>[]> {
  const [versions, starts] = await Promise.all([
    store.versions.listVersions(lesson.id),
    store.versions.listRoundStarts(lesson.id),
  ])
  return lessonRounds(versions, starts)
}

async function summariesOf(
  store: RoundStore,
  lesson: LessonRecord,
  rounds: readonly Round<VersionRecord>[],
): Promise<RoundSummary[]> {
  const versions = await versionSummaries(
    store,
    rounds.flatMap((round) => (round.version ? [round.version] : [])),
  )
  const people = await peopleOf(
    store,
    rounds.flatMap((round) => (round.start ? [round.start.startedBy] : [])),
  )
  return rounds.map((round) => ({
    number: round.number,
    name: roundName(round.number),
    startedBy: round.start ? personOf(people, round.start.startedBy) : null,
    startedAt: (round.start?.startedAt ?? lesson.createdAt).toISOString(),
    version: versions.find((version) => version.id === round.version?.id) ?? null,
  }))
}

export async function listRounds(store: RoundStore, lessonId: string, actor: Actor): Promise<Outcome<LessonRoundList>> {
  const lesson = await lessonAllowing(store, lessonId, actor, 'view')
  if (!lesson.ok) return lesson
  return succeed({ rounds: await summariesOf(store, lesson.value, await roundsOf(store, lesson.value)) })
}

/**
 * [LIBRARY-8] Starts the next round from the lesson's latest 定稿: the lesson goes back to 主备 for the
 * 主备人 to rework, and the round's start is stored with that move, in one transaction.
 */
export async function startNextRound(
  context: WorkflowContext,
  lessonId: string,
  actor: Actor,
  now = new Date(),
): Promise<Outcome<LessonRecord>> {
  const { store, registry } = context
  // As for a stage move: a move landing between the decision and the write makes the write do nothing.
  for (;;) {
    const lesson = await store.lessons.findLesson(lessonId)
    if (!lesson || lesson.schoolId !== actor.schoolId) return noSuchLesson()
    const decision = decide('startRound', actor, await lessonContextOf(store, lesson))
    if (!decision.allowed) return forbid(decision.reason)
    const latest = (await store.versions.listVersions(lessonId)).at(-1)
    if (!latest) return forbid('这一轮还没有定稿，定稿并上课后才能开始下一轮磨课')
    const started = await store.versions.startRound(
      { lessonId, from: lesson.stage, to: 'draft', actorId: actor.userId, at: now },
      { lessonId, baseVersionId: latest.id, startedBy: actor.userId },
    )
    if (!started) continue
    const current: LessonRecord = { ...lesson, stage: 'draft', liveReviewOpen: false }
    await refreshLessonAccess(store, registry, current)
    await context.onStageMoved?.({
      lesson: current,
      from: lesson.stage,
      actorId: actor.userId,
      roundNumber: started.number,
    })
    return succeed(current)
  }
}

/**
 * [LIBRARY-9] What changed from one round to another, as 定稿 versions are compared; a round in
 * progress is read as the shared plan is now.
 */
export async function compareRounds(
  context: ContentContext,
  lessonId: string,
  fromNumber: number,
  toNumber: number,
  actor: Actor,
): Promise<Outcome<RoundComparison>> {
  const { store } = context
  const lesson = await lessonAllowing(store, lessonId, actor, 'view')
  if (!lesson.ok) return lesson
  if (fromNumber === toNumber) return reject('请选择两个不同的轮次')
  const rounds = await roundsOf(store, lesson.value)
  const [from, to] = [Math.min(fromNumber, toNumber), Math.max(fromNumber, toNumber)].map((number) =>
    rounds.find((round) => round.number === number),
  )
  if (!from || !to) return missing('这节课没有这一轮磨课')
  const stateOf = async (round: Round<VersionRecord>) =>
    round.version ? store.versions.versionState(round.version.id) : currentState(context, lesson.value.documentId)
  const [before, after] = await Promise.all([stateOf(from), stateOf(to)])
  if (!before || !after) return missing('没有这个定稿版本')
  const changes = diffBlocks(blocksOfState(before, editorSchema), blocksOfState(after, editorSchema))
  const [fromSummary, toSummary] = await summariesOf(store, lesson.value, [from, to])
  return succeed({ from: fromSummary!, to: toSummary!, changes, changeCount: countChanges(changes) })
}
