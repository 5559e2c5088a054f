/** A real server on port 0 with its own SQLite data dir and the demo school, torn down after use. */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ScryptCost } from '../../server/auth/passwords.ts'
import { type RunningServer, type StartOptions, startServer } from '../../server/start.ts'

export interface TestServer extends RunningServer {
  dataDir: string
  /** The demo school's sample 导学案. */
  sampleDocumentId: string
  stop(): Promise<void>
}

/**
 * The demo accounts' passwords hashed at a small cost: a suite starts over a hundred demo schools and
 * signs in hundreds of times, and at the real cost the hashing alone took minutes of it. The real cost
 * is tested where passwords are (`test/server/auth/passwords.test.ts`, the seed's own test).
 */
export const testPasswordCost: ScryptCost = { log2N: 10, r: 8, p: 1 }

export async function startTestServer(options: StartOptions & { dataDir?: string } = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'gongbei-test-'))
  const server = await startServer({
    port: 0,
    serveClient: false,
    demoPasswordCost: testPasswordCost,
    ...options,
    dataDir,
  })
  const admin = await server.store.accounts.findUserByUsername('admin')
  const documents = admin ? await server.store.documents.listDocumentsOfSchool(admin.schoolId) : []
  return {
    ...server,
    dataDir,
    sampleDocumentId: documents[0]?.id ?? '',
    async stop() {
      await server.close()
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/** Creates a new document in the demo math group, so each test edits its own. */
export async function createDocumentInDemoGroup(server: RunningServer, title = '测试导学案'): Promise<string> {
  const leader = await server.store.accounts.findUserByUsername('leader')
  if (!leader) throw new Error('demo data missing')
  const [groupId] = await server.store.groups.groupIdsOfUser(leader.id)
  const document = await server.store.documents.createDocument({
    groupId: groupId!,
    schoolId: leader.schoolId,
    title,
    kind: 'lesson-plan',
    createdBy: leader.id,
  })
  return document.id
}
