/** 定稿 versions cannot be changed or deleted, even by SQL that goes around the store. */
import BetterSqlite3 from 'better-sqlite3'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { openStore } from '../../../server/store/open-store.ts'
import { sqliteFileName } from '../../../server/store/sqlite-store.ts'
import type { Store } from '../../../server/store/store.ts'
import { createTestDatabase, postgresSuiteEnabled } from '../../helpers/postgres.ts'
import { createTempDataDir } from '../../helpers/sqlite.ts'

async function storeWithVersion(store: Store): Promise<string> {
  const schoolId = await store.accounts.createSchool('花园实验中学')
  const group = await store.groups.createGroup(schoolId, '七年级数学备课组')
  const wang = await store.accounts.createUser({
    username: 'wang',
    displayName: '王老师',
    passwordHash: 'x',
    role: 'leader',
    schoolId,
    color: '#e03131',
  })
  const lesson = await store.lessons.createLesson({
    schoolId,
    groupId: group.id,
    createdBy: wang.id,
    documentTitle: '导学案',
    semester: '2026-2027学年第一学期',
    title: '3.1 一元一次方程',
    lessonType: '新授',
    period: 1,
    scheduledDate: '2026-11-24',
    scheduledTime: null,
    place: '数学教研室',
    leadPreparerId: wang.id,
  })
  const version = await store.versions.createVersion({
    lessonId: lesson.id,
    documentId: lesson.documentId,
    state: new Uint8Array([1]),
    createdBy: wang.id,
  })
  return version.id
}

const postgres = await postgresSuiteEnabled('PostgreSQL version immutability')
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup()
})

describe('version immutability', () => {
  it('SQLite refuses to update or delete a version', async () => {
    const data = await createTempDataDir()
    const store = await openStore({ dataDir: data.dir })
    cleanups.push(async () => {
      await store.close()
      await data.remove()
    })
    const id = await storeWithVersion(store)
    const raw = new BetterSqlite3(`${data.dir}/${sqliteFileName}`)
    try {
      expect(() => raw.prepare('update lesson_versions set number = 9 where id = ?').run(id)).toThrow(/immutable/)
      expect(() => raw.prepare('delete from lesson_versions where id = ?').run(id)).toThrow(/immutable/)
    } finally {
      raw.close()
    }
    expect(await store.versions.findVersion(id)).toMatchObject({ number: 1 })
  })

  it.runIf(postgres)('PostgreSQL refuses to update or delete a version', async () => {
    const database = await createTestDatabase()
    const store = await openStore({ databaseUrl: database.url })
    cleanups.push(async () => {
      await store.close()
      await database.drop()
    })
    const id = await storeWithVersion(store)
    const client = new pg.Client({ connectionString: database.url })
    await client.connect()
    try {
      await expect(client.query('update lesson_versions set number = 9 where id = $1', [id])).rejects.toThrow(
        /immutable/,
      )
      await expect(client.query('delete from lesson_versions where id = $1', [id])).rejects.toThrow(/immutable/)
    } finally {
      await client.end()
    }
    expect(await store.versions.findVersion(id)).toMatchObject({ number: 1 })
  })
})
