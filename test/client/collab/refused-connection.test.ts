import { afterEach, describe, expect, it, vi } from 'vitest'
import { refusedProblems } from '../../../client/src/collab/close-messages.ts'
import { explainRefusedConnection } from '../../../client/src/collab/refused-connection.ts'

/** Answers `/api/me` and `/api/documents` the way the server would. */
function serverWith(me: object | null, documentIds: string[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (path: string) => {
      if (path === '/api/me') {
        return me
          ? Response.json(me)
          : Response.json({ error: { code: 'unauthorized', message: 'login required' } }, { status: 401 })
      }
      return Response.json(
        documentIds.map((id) => ({ id, title: id, kind: 'lesson-plan', access: 'edit', groupId: 'g', groupName: 'g' })),
      )
    }),
  )
}

describe('explainRefusedConnection', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('asks to log in again when the session is gone', async () => {
    serverWith(null, [])
    await expect(explainRefusedConnection('doc-1')).resolves.toBe(refusedProblems.sessionExpired)
  })

  it('says the document cannot be opened when it is not in the list', async () => {
    serverWith({ id: 'u1' }, ['doc-2'])
    await expect(explainRefusedConnection('doc-1')).resolves.toBe(refusedProblems.documentNotAvailable)
  })

  it('finds nothing wrong when the document is listed', async () => {
    serverWith({ id: 'u1' }, ['doc-1'])
    await expect(explainRefusedConnection('doc-1')).resolves.toBeNull()
  })

  it('finds nothing wrong when the server cannot be reached either', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await expect(explainRefusedConnection('doc-1')).resolves.toBeNull()
  })
})
