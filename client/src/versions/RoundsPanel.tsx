/**
 * The lesson page's 磨课轮次 panel (上课—磨课—上课, LIBRARY-8 and LIBRARY-9): every round with who started
 * it and when and its 定稿, the diff with the round before, any two rounds compared, and for the 主备人
 * or the leader the button that starts the next round. Shown once the lesson has a 定稿.
 */
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { roundName, startRoundLabel } from '../../../shared/versions/lesson-rounds.ts'
import { roundStartStages } from '../../../shared/workflow/stages.ts'
import { queries } from '../api/queries.ts'
import { startRound } from '../api/rounds.ts'
import type { LessonPanelProps } from '../lessons/lesson-panel-props.ts'
import { hrefFor, navigate } from '../routing.ts'
import { dateTimeText } from '../time-text.ts'
import './lesson-work.css'

export function RoundsPanel({ detail, onChanged }: LessonPanelProps) {
  const { lesson, permissions } = detail
  const { data, error } = useQuery({ ...queries.rounds(lesson.id), enabled: lesson.hasVersions })
  const start = useMutation({ mutationFn: () => startRound(lesson.id), onSuccess: onChanged })
  const rounds = data?.rounds ?? []
  const [from, setFrom] = useState<number | null>(null)
  const [to, setTo] = useState<number | null>(null)
  if (!lesson.hasVersions) return null

  const next = rounds.length + 1
  const begin = () => {
    const question = `${startRoundLabel(next)}？上完课、评过课后，共享导学案回到主备阶段由主备人修改，再次定稿就是${roundName(next)}的定稿。`
    if (window.confirm(question)) start.mutate()
  }
  const fromNumber = from ?? Math.max(1, rounds.length - 1)
  const toNumber = to ?? rounds.length

  return (
    <section className="work-panel" data-testid="rounds-panel" aria-labelledby="rounds-title">
      <h2 id="rounds-title">磨课轮次</h2>
      {error && (
        <p className="work-error" role="alert">
          {error.message}
        </p>
      )}
      <ol className="rounds-list">
        {rounds.map((round) => (
          <li key={round.number} data-testid="round-row" data-round={round.number}>
            <strong>{round.name}</strong>
            <span className="muted">
              {round.startedBy ? `${round.startedBy.displayName} 开始于 ` : '备课计划安排于 '}
              {dateTimeText(round.startedAt)}
            </span>
            {round.version ? (
              <a href={hrefFor({ page: 'version', versionId: round.version.id })} data-testid="round-version">
                {round.version.name}（{round.version.createdBy.displayName} · {dateTimeText(round.version.createdAt)}）
              </a>
            ) : (
              <span className="count-badge" data-testid="round-in-progress">
                进行中
              </span>
            )}
            {round.number > 1 && (
              <a
                href={hrefFor({ page: 'roundCompare', lessonId: lesson.id, from: round.number - 1, to: round.number })}
                data-testid="round-diff"
              >
                与上一轮对比
              </a>
            )}
          </li>
        ))}
      </ol>
      {rounds.length > 2 && (
        <div className="work-actions">
          <RoundChoice label="对比" value={fromNumber} count={rounds.length} onChange={setFrom} testId="round-from" />
          <RoundChoice label="和" value={toNumber} count={rounds.length} onChange={setTo} testId="round-to" />
          <button
            type="button"
            disabled={fromNumber === toNumber}
            onClick={() => navigate({ page: 'roundCompare', lessonId: lesson.id, from: fromNumber, to: toNumber })}
            data-testid="compare-rounds"
          >
            对比这两轮
          </button>
        </div>
      )}
      {permissions.startRound.allowed ? (
        <div className="work-actions">
          <button
            type="button"
            className="primary"
            disabled={start.isPending}
            onClick={begin}
            data-testid="start-round"
          >
            {startRoundLabel(next)}
          </button>
          <span className="muted">上课、评课之后，主备人根据评课意见修改导学案，再上一次课。</span>
        </div>
      ) : (
        roundStartStages.includes(lesson.stage) &&
        permissions.startRound.reason && <p className="refusal">{permissions.startRound.reason}</p>
      )}
      {start.error && (
        <p className="form-error" role="alert" data-testid="start-round-error">
          {start.error.message}
        </p>
      )}
    </section>
  )
}

function RoundChoice(props: {
  label: string
  value: number
  count: number
  onChange: (value: number) => void
  testId: string
}) {
  return (
    <label>
      {props.label}{' '}
      <select
        value={props.value}
        onChange={(event) => props.onChange(Number(event.target.value))}
        data-testid={props.testId}
      >
        {Array.from({ length: props.count }, (_, index) => index + 1).map((number) => (
          <option key={number} value={number}>
            {roundName(number)}
          </option>
        ))}
      </select>
    </label>
  )
}
