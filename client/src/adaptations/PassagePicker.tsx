/** Picks a passage of the teacher's adaptation or of the shared plan for a reflection to point at. */
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { queries } from '../api/queries.ts'
import { failureText } from '../api/teacher-message.ts'
import { addReference } from '../api/versions.ts'

interface PassagePickerProps {
  reflectionId: string
  sources: readonly { documentId: string; label: string }[]
  onPicked: () => void
}

export function PassagePicker({ reflectionId, sources, onPicked }: PassagePickerProps) {
  const [sourceId, setSourceId] = useState(sources[0]!.documentId)
  const { data, error } = useQuery(queries.passages(sourceId))
  const [failure, setFailure] = useState<string | null>(null)

  const pick = async (blockKey: string) => {
    try {
      await addReference(reflectionId, sourceId, blockKey)
      onPicked()
    } catch (problem) {
      setFailure(failureText(problem, '引用失败'))
    }
  }

  return (
    <div data-testid="passage-picker">
      <label>
        从{' '}
        <select value={sourceId} onChange={(event) => setSourceId(event.target.value)}>
          {sources.map((source) => (
            <option key={source.documentId} value={source.documentId}>
              {source.label}
            </option>
          ))}
        </select>{' '}
        中选一段：
      </label>
      {(error || failure) && (
        <p className="work-error" role="alert">
          {error?.message ?? failure}
        </p>
      )}
      <div className="passage-picker">
        {data?.blocks.map((block) => (
          <button key={block.key} type="button" onClick={() => void pick(block.key)} data-testid="passage">
            {block.section && <span className="muted">【{block.section}】</span>}
            {block.text}
          </button>
        ))}
      </div>
    </div>
  )
}
