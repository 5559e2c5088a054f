/**
 * The 师徒结对 page: the pairs the user may see with the semester's counts (批注、已解决、听课), pairing
 * and unpairing for the office and leaders, and one pair opened below with its annotations and 听课记录.
 */
import type { Me } from '../../../shared/api.ts'
import type { MentorshipList, NewPairInput, PairView } from '../../../shared/api/mentorship.ts'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { deletePair } from '../api/mentorship.ts'
import { mentorshipsKey, queries } from '../api/queries.ts'
import { failureText } from '../api/teacher-message.ts'
import { navigate } from '../routing.ts'
import { mentorshipHref, type MentorshipRoute } from './mentorship-routes.ts'
import { PairDetailPanel } from './PairDetailPanel.tsx'
import { PairForm } from './PairForm.tsx'
import '../versions/lesson-work.css'
import '../meetings/meetings.css'
import './mentorship.css'

export function MentorshipPage({ route, me }: { route: MentorshipRoute; me: Me }) {
  const queryClient = useQueryClient()
  const { data, error } = useQuery(queries.mentorships(route.semester))
  const reload = () => void queryClient.invalidateQueries({ queryKey: mentorshipsKey })
  if (!data)
    return error ? (
      <p className="page-message" role="alert">
        {error.message}
      </p>
    ) : (
      <p className="page-message">正在加载……</p>
    )

  const open = route.pair
  return (
    <main className="overview-page" data-testid="mentorship-page">
      <header className="overview-head">
        <h1>师徒结对</h1>
        <label>
          学期{' '}
          <select
            value={data.semester}
            onChange={(e) => navigate({ page: 'mentorship', semester: e.target.value })}
            data-testid="mentorship-semester"
          >
            {data.semesters.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
      </header>
      {data.candidates.length > 0 && <PairForm candidates={data.candidates} onPaired={reload} />}
      <PairTable list={data} onChanged={reload} />
      {open && (
        <PairDetailPanel
          key={`${open.mentorId}/${open.apprenticeId}/${data.semester}`}
          pair={open}
          semester={data.semester}
          me={me}
          onChanged={reload}
        />
      )}
    </main>
  )
}

function PairTable({ list, onChanged }: { list: MentorshipList; onChanged: () => void }) {
  const unpair = async (pair: PairView) => {
    if (
      !window.confirm(
        `解除${pair.mentor.displayName}和${pair.apprentice.displayName}的师徒结对？已有的批注和听课记录会保留。`,
      )
    )
      return
    try {
      await deletePair(idsOf(pair))
      onChanged()
    } catch (failure) {
      window.alert(failureText(failure, '解除结对失败'))
    }
  }
  return (
    <section className="work-panel" aria-labelledby="pairs-title">
      <h2 id="pairs-title">结对与本学期统计</h2>
      {list.pairs.length === 0 ? (
        <p className="muted">还没有你可以查看的师徒结对。</p>
      ) : (
        <table className="overview-table">
          <thead>
            <tr>
              <th>师傅</th>
              <th>徒弟</th>
              <th className="number">批注</th>
              <th className="number">已解决</th>
              <th className="number">听课</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.pairs.map((pair) => (
              <tr
                key={`${pair.mentor.id}/${pair.apprentice.id}`}
                data-testid="pair-row"
                data-mentor={pair.mentor.displayName}
                data-apprentice={pair.apprentice.displayName}
              >
                <td>{pair.mentor.displayName}</td>
                <td>{pair.apprentice.displayName}</td>
                <td className="number" data-testid="pair-annotations">
                  {pair.counts.annotations}
                </td>
                <td className="number" data-testid="pair-resolved">
                  {pair.counts.resolved}
                </td>
                <td className="number" data-testid="pair-observed">
                  {pair.counts.observed}
                </td>
                <td>
                  <div className="pair-actions">
                    <a href={mentorshipHref({ page: 'mentorship', semester: list.semester, pair: idsOf(pair) })}>
                      查看
                    </a>
                    {pair.canUnpair && (
                      <button type="button" className="link-button" onClick={() => void unpair(pair)}>
                        解除结对
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="overview-note">
        批注只算师傅在徒弟的导学案、二次备课和反思里发起的批注，回复不另计；听课包括师傅听徒弟的课和徒弟听师傅的课。
      </p>
    </section>
  )
}

function idsOf(pair: PairView): NewPairInput {
  return { mentorId: pair.mentor.id, apprenticeId: pair.apprentice.id }
}
