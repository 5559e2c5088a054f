/**
 * The 资源库's filters, by 学科, 年级 and the words of a 单元 or 课题 (LIBRARY-2, LIBRARY-12), on the library
 * page and in the 底稿 picker (LIBRARY-10) alike.
 */
import type { LibraryFilter, LibrarySubject } from '../../../shared/library/library-tree.ts'

export const noFilter: LibraryFilter = { subject: '', grade: '', words: '' }

interface LibraryFiltersProps {
  tree: readonly LibrarySubject<unknown>[]
  filter: LibraryFilter
  onChange: (filter: LibraryFilter) => void
  testIds: Record<keyof LibraryFilter, string>
}

export function LibraryFilters({ tree, filter, onChange, testIds }: LibraryFiltersProps) {
  const grades = [...new Set(tree.flatMap((node) => node.grades.map((entry) => entry.grade)))]
  return (
    <div className="library-filters">
      <label>
        学科
        <select
          value={filter.subject}
          onChange={(event) => onChange({ ...filter, subject: event.target.value })}
          data-testid={testIds.subject}
        >
          <option value="">全部</option>
          {tree.map((node) => (
            <option key={node.subject}>{node.subject}</option>
          ))}
        </select>
      </label>
      <label>
        年级
        <select
          value={filter.grade}
          onChange={(event) => onChange({ ...filter, grade: event.target.value })}
          data-testid={testIds.grade}
        >
          <option value="">全部</option>
          {grades.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </label>
      <label>
        单元或课题
        <input
          type="search"
          value={filter.words}
          placeholder="输入单元或课题中的字词"
          onChange={(event) => onChange({ ...filter, words: event.target.value })}
          data-testid={testIds.words}
        />
      </label>
    </div>
  )
}
