/**
 * 搜索: the results of the query in the top bar, narrowed by the filters a 资源库 offers (学科, 年级, 备课组,
 * 学期, 课型, 阶段, 主备人, 类型), each with where it comes from and a snippet with the words found marked.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query'
import type { SearchFilterOptions, SearchQuery, SearchResult } from '../../../shared/api/search.ts'
import { searchKindLabels, searchKinds } from '../../../shared/search/search-kinds.ts'
import { lessonStages, stageLabels } from '../../../shared/workflow/stages.ts'
import { queries } from '../api/queries.ts'
import { hrefFor, navigate } from '../routing.ts'
import { resultRoute, versionRoute } from './search-result-target.ts'
import { SearchSnippet } from './SearchSnippet.tsx'
import './search.css'

type FilterName = Exclude<keyof SearchQuery, 'q'>

interface FilterChoice {
  name: FilterName
  label: string
  options: { value: string; label: string }[]
}

function filterChoices(values: SearchFilterOptions | undefined): FilterChoice[] {
  const same = (list: readonly string[]) => list.map((value) => ({ value, label: value }))
  return [
    {
      name: 'kind',
      label: '类型',
      options: searchKinds.map((kind) => ({ value: kind, label: searchKindLabels[kind] })),
    },
    { name: 'subject', label: '学科', options: same(values?.subjects ?? []) },
    { name: 'grade', label: '年级', options: same(values?.grades ?? []) },
    {
      name: 'groupId',
      label: '备课组',
      options: (values?.groups ?? []).map((group) => ({ value: group.id, label: group.name })),
    },
    { name: 'semester', label: '学期', options: same(values?.semesters ?? []) },
    { name: 'lessonType', label: '课型', options: same(values?.lessonTypes ?? []) },
    {
      name: 'stage',
      label: '阶段',
      options: lessonStages.map((stage) => ({ value: stage, label: stageLabels[stage] })),
    },
    {
      name: 'leadPreparerId',
      label: '主备人',
      options: (values?.leadPreparers ?? []).map((person) => ({ value: person.id, label: person.displayName })),
    },
  ]
}

export function SearchPage({ query }: { query: SearchQuery }) {
  const asked = query.q.trim() !== ''
  const { data: filterValues } = useQuery(queries.searchFilters())
  const { data, error, isFetching } = useQuery({ ...queries.search(query), enabled: asked })
  const narrow = (name: FilterName, value: string) => {
    const next: SearchQuery = { ...query }
    delete next[name]
    navigate({ page: 'search', query: value === '' ? next : { ...next, [name]: value } })
  }

  return (
    <main className="search-page">
      <h1>搜索</h1>
      <div className="search-filters" data-testid="search-filters">
        {filterChoices(filterValues).map((choice) => (
          <label key={choice.name}>
            {choice.label}
            <select
              value={query[choice.name] ?? ''}
              onChange={(event) => narrow(choice.name, event.target.value)}
              data-testid={`search-filter-${choice.name}`}
            >
              <option value="">全部</option>
              {choice.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {!asked ? (
        <p className="page-message">在上方搜索框输入要找的词，比如课题、知识点或一句话。</p>
      ) : error ? (
        <p className="page-message" role="alert">
          {error.message}
        </p>
      ) : !data ? (
        <p className="page-message">正在搜索……</p>
      ) : (
        <>
          <p className="search-summary" data-testid="search-summary" aria-busy={isFetching}>
            {data.total === 0
              ? `没有找到含“${query.q}”的内容。试试更短的词，或去掉筛选条件。`
              : `找到 ${data.total} 条${data.total > data.results.length ? `，显示前 ${data.results.length} 条` : ''}`}
          </p>
          <ol className="search-results">
            {data.results.map((result, index) => (
              <SearchResultItem
                key={`${result.kind}-${result.documentId ?? ''}-${result.versionLabel ?? ''}-${index}`}
                result={result}
              />
            ))}
          </ol>
        </>
      )}
    </main>
  )
}

function SearchResultItem({ result }: { result: SearchResult }) {
  const queryClient = useQueryClient()
  const target = resultRoute(result)
  const lessonId = result.lessonId
  const open = async () => {
    if (target !== 'version' || lessonId === null) return
    navigate(versionRoute(result, await queryClient.fetchQuery(queries.versions(lessonId))))
  }
  return (
    <li className="search-result" data-testid="search-result">
      <a
        className="search-result-title"
        href={target === 'version' ? undefined : hrefFor(target)}
        role={target === 'version' ? 'link' : undefined}
        tabIndex={target === 'version' ? 0 : undefined}
        onClick={target === 'version' ? () => void open() : undefined}
        onKeyDown={target === 'version' ? (event) => event.key === 'Enter' && void open() : undefined}
        data-testid="search-result-link"
      >
        {result.title}
      </a>
      <span className="search-result-meta">
        <span className={`search-kind search-kind-${result.kind}`}>{searchKindLabels[result.kind]}</span>
        {result.versionLabel !== undefined && <span className="search-version">定稿 {result.versionLabel}</span>}
        {result.stage !== null && result.versionLabel === undefined && <span>{stageLabels[result.stage]}</span>}
        {result.groupName !== '' && <span>{result.groupName}</span>}
      </span>
      <SearchSnippet snippet={result.snippet} />
    </li>
  )
}
