/**
 * 以此为底稿 from the draft's side (LIBRARY-10): the 主备人 of an unwritten 初稿 picks any 定稿 they may
 * read, of any year and group, from the 资源库's own listing narrowed by 学科, 年级 and 课题; the 初稿
 * then starts from it and shows its 来源 (LIBRARY-3, LIBRARY-4).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { filterLibraryTree, libraryTree, plansIn } from '../../../shared/library/library-tree.ts'
import { semesterShortName } from '../../../shared/library/lineage.ts'
import { startFromVersion } from '../api/library.ts'
import { lessonKey, queries } from '../api/queries.ts'
import { hrefFor } from '../routing.ts'
import { LibraryFilters, noFilter } from './LibraryFilters.tsx'
import './library.css'

export function PickSourcePlan({ lessonId }: { lessonId: string }) {
  const [open, setOpen] = useState(false)
  return (
    <div data-testid="pick-source">
      <button
        type="button"
        onClick={() => setOpen((value) => !value)}
        aria-expanded={open}
        data-testid="pick-source-open"
      >
        从资源库选底稿
      </button>
      <span className="muted"> 全校各备课组历年的定稿都可以选；只能用于还没有写内容的初稿，初稿会注明来源。</span>
      {open && <SourceChoice lessonId={lessonId} />}
    </div>
  )
}

function SourceChoice({ lessonId }: { lessonId: string }) {
  const queryClient = useQueryClient()
  const { data, error } = useQuery(queries.library())
  const [filter, setFilter] = useState(noFilter)
  const tree = useMemo(
    () => libraryTree((data?.plans ?? []).filter((plan) => plan.lessonId !== lessonId)),
    [data, lessonId],
  )
  const start = useMutation({
    mutationFn: (versionId: string) => startFromVersion(lessonId, versionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lessonKey(lessonId) }),
  })
  if (!data)
    return error ? (
      <p role="alert" className="form-error">
        {error.message}
      </p>
    ) : (
      <p className="muted">正在加载资源库……</p>
    )
  const plans = plansIn(filterLibraryTree(tree, filter))
  return (
    <div className="source-choice">
      <LibraryFilters
        tree={tree}
        filter={filter}
        onChange={setFilter}
        testIds={{ subject: 'pick-source-subject', grade: 'pick-source-grade', words: 'pick-source-words' }}
      />
      {plans.length === 0 ? (
        <p className="muted">{tree.length === 0 ? '资源库里还没有定稿。' : '没有符合条件的定稿。'}</p>
      ) : (
        <ul>
          {plans.map((plan) => (
            <li key={plan.lessonId} data-testid="pick-source-plan" data-version-id={plan.latestVersion.id}>
              <a href={hrefFor({ page: 'version', versionId: plan.latestVersion.id })}>{plan.title}</a>
              <span className="muted">
                {plan.unit && `${plan.unit} · `}
                {semesterShortName(plan.semester)} {plan.groupName} {plan.latestVersion.name}，主备：
                {plan.leadPreparer.displayName}
              </span>
              <button
                type="button"
                className="link-button"
                disabled={start.isPending}
                onClick={() => start.mutate(plan.latestVersion.id)}
                data-testid="pick-source-start"
              >
                以此为底稿
              </button>
            </li>
          ))}
        </ul>
      )}
      {start.error && (
        <p role="alert" className="form-error" data-testid="pick-source-error">
          {start.error.message}
        </p>
      )}
    </div>
  )
}
