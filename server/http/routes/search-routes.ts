/** `GET /api/search`: 导学案, 课后反思, 集体备课记录 and 听课记录 the signed-in user may read (docs/SEARCH.md). */
import { createRoute, OpenAPIHono } from '@hono/zod-openapi'
import { searchFilters, searchQuery, searchResponse } from '../../../shared/api/search.ts'
import { searchScope } from '../../../shared/search/search-scope.ts'
import { search } from '../../search/search-service.ts'
import type { Store } from '../../store/store.ts'
import { ApiError } from '../api-error.ts'
import type { AuthVariables } from '../auth-middleware.ts'
import { errorResponses, jsonContent } from '../json-route.ts'

const searchRoute = createRoute({
  method: 'get',
  path: '/api/search',
  summary: 'Search in Chinese, with filters; matched words marked in each snippet',
  request: { query: searchQuery },
  responses: {
    200: { description: '搜索结果', content: jsonContent(searchResponse) },
    ...errorResponses(400, 401),
  },
})

const filtersRoute = createRoute({
  method: 'get',
  path: '/api/search/filters',
  summary: 'What the search filters offer: values found among what the signed-in user may read',
  responses: {
    200: { description: '筛选项', content: jsonContent(searchFilters) },
    ...errorResponses(401),
  },
})

const distinctSorted = (values: string[]) =>
  [...new Set(values.filter((value) => value !== ''))].sort((a, b) => a.localeCompare(b, 'zh'))

export function searchRoutes(store: Pick<Store, 'search'>) {
  const app = new OpenAPIHono<{ Variables: AuthVariables }>()
  app.openapi(searchRoute, async (c) => {
    const response = await search(store, c.var.auth.actor, c.req.valid('query'))
    if (!response) throw new ApiError(400, 'invalid_request', 'q：请输入要搜索的字词（标点和空格不算）')
    return c.json(response, 200)
  })
  app.openapi(filtersRoute, async (c) => {
    const values = await store.search.searchFilterValues(searchScope(c.var.auth.actor))
    const subjects = distinctSorted(values.groups.map((group) => group.subject))
    const grades = distinctSorted(values.groups.map((group) => group.grade))
    return c.json({ ...values, subjects, grades }, 200)
  })
  return app
}
