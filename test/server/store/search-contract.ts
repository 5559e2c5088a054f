/**
 * Store contract cases of the search index (SEARCH-1 to SEARCH-10), run inside `describeStoreContract`
 * on every backend: both must find exactly the same entries for the same queries.
 */
import { describe, expect, it } from 'vitest'
import type { SearchEntryWrite, SearchFilters, StaleSearchSource } from '../../../server/store/search-records.ts'
import type { Store } from '../../../server/store/store.ts'
import type { Actor } from '../../../shared/access.ts'
import { searchScope } from '../../../shared/search/search-scope.ts'
import { rankCandidates } from '../../../shared/search/search-rank.ts'
import { indexTerms, queryTerms, queryWords } from '../../../shared/search/search-terms.ts'

async function school(store: Store) {
  const schoolId = await store.accounts.createSchool('花园实验中学')
  const math = await store.groups.createGroup(schoolId, '七年级数学备课组')
  await store.groups.updateGroup(math.id, { subject: '数学', grade: '七年级' })
  const chinese = await store.groups.createGroup(schoolId, '八年级语文备课组')
  await store.groups.updateGroup(chinese.id, { subject: '语文', grade: '八年级' })
  const user = (name: string) =>
    store.accounts.createUser({
      username: `${name}-${schoolId}`,
      displayName: name,
      passwordHash: 'x',
      role: 'teacher',
      schoolId,
      color: '#1971c2',
    })
  const [wang, li, zhang] = [await user('wang'), await user('li'), await user('zhang')]
  const lesson = (groupId: string, title: string, semester: string, lessonType = '新授') =>
    store.lessons.createLesson({
      schoolId,
      groupId,
      createdBy: wang.id,
      documentTitle: title,
      semester,
      title,
      lessonType,
      period: 1,
      scheduledDate: '2026-11-24',
      scheduledTime: '14:00',
      place: '数学教研室',
      leadPreparerId: li.id,
    })
  const equations = await lesson(math.id, '3.1.1 一元一次方程', '2026秋')
  const functions = await lesson(math.id, '19.1 函数的图像', '2025秋', '复习')
  const poem = await lesson(chinese.id, '背影', '2026秋')
  return { schoolId, math, chinese, wang, li, zhang, equations, functions, poem }
}

/** Indexes every stale source with the body `bodies` gives its source id (title only otherwise). */
async function indexAll(store: Store, bodies: Record<string, string[]> = {}): Promise<StaleSearchSource[]> {
  const stale = await store.search.listStaleSearchSources(100)
  await store.search.putSearchEntries(
    stale.map(({ fields, ...source }) => {
      const body = bodies[source.sourceId] ?? fields
      return { ...source, body: body.join('\n'), terms: indexTerms([source.title, ...body]) }
    }),
  )
  return stale
}

function actorOf(schoolId: string, userId: string, role: Actor['role'] = 'teacher', groupIds: string[] = []): Actor {
  return { userId, role, schoolId, groupIds }
}

export function describeSearchContract(storeOf: () => Store): void {
  describe('search index', () => {
    const find = async (actor: Actor, q: string, filters: SearchFilters = {}) => {
      const { page } = await storeOf().search.findSearchMatches({
        terms: queryTerms(q),
        words: queryWords(q),
        scope: searchScope(actor),
        filters,
        countLimit: 100,
        pageSize: 100,
      })
      return page.map((candidate) => candidate.title).sort()
    }

    it('lists what has no entry, and a document again once its content or title changes', async () => {
      const store = storeOf()
      const s = await school(store)
      const stale = await indexAll(store)
      expect(stale.map((source) => [source.source, source.title]).sort()).toEqual([
        ['document', '19.1 函数的图像'],
        ['document', '3.1.1 一元一次方程'],
        ['document', '背影'],
      ])
      expect(await store.search.listStaleSearchSources(100)).toEqual([])
      await store.updates.appendUpdates(s.equations.documentId, [new Uint8Array([1])])
      await store.lessons.updateLessonPlan(s.poem.id, { title: '背影（朱自清）', documentTitle: '背影（朱自清）' })
      expect((await indexAll(store)).map((source) => source.title).sort()).toEqual([
        '3.1.1 一元一次方程',
        '背影（朱自清）',
      ])
    })

    it('[SEARCH-10] looks only at the announced documents, and [SEARCH-9] a whole sweep leaves out resting ones', async () => {
      const store = storeOf()
      const s = await school(store)
      const titles = (stale: StaleSearchSource[]) => stale.map((source) => source.title).sort()
      const { equations, functions, poem } = s
      expect(titles(await store.search.listStaleSearchSources(100, { documentIds: [equations.documentId] }))).toEqual([
        '3.1.1 一元一次方程',
      ])
      expect(await store.search.listStaleSearchSources(100, { documentIds: [] })).toEqual([])
      expect(
        titles(
          await store.search.listStaleSearchSources(100, {
            skipDocumentIds: [equations.documentId, functions.documentId],
          }),
        ),
      ).toEqual(['背影'])
      await indexAll(store)
      await store.updates.appendUpdates(equations.documentId, [new Uint8Array([1])])
      await store.updates.appendUpdates(poem.documentId, [new Uint8Array([1])])
      expect(
        titles(
          await store.search.listStaleSearchSources(100, { documentIds: [equations.documentId, functions.documentId] }),
        ),
      ).toEqual(['3.1.1 一元一次方程'])
    })

    it('finds two-character words, single characters and a phrase that is only in the body', async () => {
      const store = storeOf()
      const s = await school(store)
      await indexAll(store, {
        [s.equations.documentId]: ['学习目标：会解一元一次方程，理解等式两边相等的含义。'],
        [s.functions.documentId]: ['画出函数 y=2x+1 的图像，说出 Slope 的意义。'],
        [s.poem.documentId]: ['父亲的背影，蹒跚地穿过铁道。'],
      })
      const teacher = actorOf(s.schoolId, s.zhang.id)
      expect(await find(teacher, '方程')).toEqual(['3.1.1 一元一次方程'])
      expect(await find(teacher, '相等')).toEqual(['3.1.1 一元一次方程'])
      expect(await find(teacher, '函数')).toEqual(['19.1 函数的图像'])
      expect(await find(teacher, '父')).toEqual(['背影'])
      expect(await find(teacher, '穿过铁道')).toEqual(['背影'])
      expect(await find(teacher, 'slope 2X')).toEqual(['19.1 函数的图像'])
      // Every word of the query, and a phrase's characters in order.
      expect(await find(teacher, '方程 图像')).toEqual([])
      expect(await find(teacher, '一次方程')).toEqual(['3.1.1 一元一次方程'])
      expect(await find(teacher, '方程一次')).toEqual([])
      expect(await find(teacher, '的')).toEqual(['19.1 函数的图像', '3.1.1 一元一次方程', '背影'])
    })

    it('narrows by 学科, 年级, 学期, 备课组, 课型, 阶段, 主备人 and kind', async () => {
      const store = storeOf()
      const s = await school(store)
      await store.lessons.moveLessonStage({
        lessonId: s.functions.id,
        from: 'draft',
        to: 'review',
        actorId: s.li.id,
        at: new Date(),
      })
      await indexAll(store, { [s.poem.documentId]: ['这一课的学习目标'], [s.equations.documentId]: ['学习目标'] })
      const teacher = actorOf(s.schoolId, s.zhang.id)
      expect(await find(teacher, '的')).toEqual(['19.1 函数的图像', '背影'])
      expect(await find(teacher, '学习', { subject: '语文' })).toEqual(['背影'])
      expect(await find(teacher, '学习', { grade: '七年级' })).toEqual(['3.1.1 一元一次方程'])
      expect(await find(teacher, '的', { semester: '2025秋' })).toEqual(['19.1 函数的图像'])
      expect(await find(teacher, '的', { groupId: s.chinese.id })).toEqual(['背影'])
      expect(await find(teacher, '的', { lessonType: '复习' })).toEqual(['19.1 函数的图像'])
      expect(await find(teacher, '的', { stage: 'review' })).toEqual(['19.1 函数的图像'])
      expect(await find(teacher, '的', { leadPreparerId: s.wang.id })).toEqual([])
      expect(await find(teacher, '的', { leadPreparerId: s.li.id })).toEqual(['19.1 函数的图像', '背影'])
      expect(await find(teacher, '的', { kind: 'meeting' })).toEqual([])
    })

    it('indexes every 定稿 version, 集体备课记录 and 听课记录, each as its own entry', async () => {
      const store = storeOf()
      const s = await school(store)
      const version = await store.versions.createVersion({
        lessonId: s.equations.id,
        documentId: s.equations.documentId,
        state: new Uint8Array([0, 0]),
        createdBy: s.li.id,
      })
      const meeting = await store.meetings.createMeeting({
        lessonId: s.equations.id,
        date: '2026-11-20',
        startTime: '14:00',
        endTime: '15:00',
        place: '数学教研室',
        topic: '一元一次方程研讨',
        presenterId: s.li.id,
        attendeeIds: [s.wang.id],
        summary: '移项要变号',
        decisions: '增加当堂检测',
        createdBy: s.li.id,
      })
      await store.mentorships.createObservation({
        schoolId: s.schoolId,
        observerId: s.wang.id,
        observedId: s.li.id,
        lessonId: null,
        date: '2026-11-21',
        topic: '等式的性质',
        notes: '移项讲得清楚',
        strengths: '',
        problems: '',
        suggestions: '',
      })
      const stale = await indexAll(store, { [version.id]: ['定稿的方程'] })
      expect(stale.map((source) => [source.source, source.kind, source.title, source.versionNumber]).sort()).toEqual([
        ['document', 'lesson-plan', '19.1 函数的图像', null],
        ['document', 'lesson-plan', '3.1.1 一元一次方程', null],
        ['document', 'lesson-plan', '背影', null],
        ['meeting', 'meeting', '一元一次方程研讨', null],
        ['observation', 'observation', '等式的性质', null],
        ['version', 'lesson-plan', '3.1.1 一元一次方程', 1],
      ])
      const teacher = actorOf(s.schoolId, s.zhang.id)
      expect(await find(teacher, '移项')).toEqual(['一元一次方程研讨'])
      expect(await find(teacher, '定稿')).toEqual(['3.1.1 一元一次方程'])
      // A 听课记录 is read by the two teachers it is between and the office.
      expect(await find(actorOf(s.schoolId, s.li.id), '移项')).toEqual(['一元一次方程研讨', '等式的性质'])
      expect(await find(actorOf(s.schoolId, s.wang.id, 'admin'), '移项')).toEqual(['一元一次方程研讨', '等式的性质'])
      await store.meetings.updateMeeting(meeting.id, { ...meeting, summary: '合并同类项', decisions: '' }, s.li.id)
      await indexAll(store)
      expect(await find(teacher, '同类项')).toEqual(['一元一次方程研讨'])
      expect(await find(teacher, '变号')).toEqual([])
    })

    it('returns only the school of the user, and to an outside expert only the groups they are invited to', async () => {
      const store = storeOf()
      const s = await school(store)
      const other = await school(store)
      await indexAll(store)
      expect(await find(actorOf(s.schoolId, s.zhang.id), '背影')).toEqual(['背影'])
      expect(await find(actorOf(other.schoolId, other.zhang.id), '背影')).toEqual(['背影'])
      expect(await find(actorOf(s.schoolId, s.zhang.id, 'guest', [s.math.id]), '背影')).toEqual([])
      expect(await find(actorOf(s.schoolId, s.zhang.id, 'guest', [s.chinese.id]), '背影')).toEqual(['背影'])
      expect(await find(actorOf(s.schoolId, s.zhang.id, 'guest', []), '背影')).toEqual([])
    })

    it('offers as filters the groups, semesters, 课型 and 主备人 found among what the user may read', async () => {
      const store = storeOf()
      const s = await school(store)
      await indexAll(store)
      expect(await store.search.searchFilterValues(searchScope(actorOf(s.schoolId, s.zhang.id)))).toEqual({
        groups: [
          { id: s.math.id, name: '七年级数学备课组', subject: '数学', grade: '七年级' },
          { id: s.chinese.id, name: '八年级语文备课组', subject: '语文', grade: '八年级' },
        ].sort((a, b) => a.name.localeCompare(b.name, 'zh')),
        semesters: ['2025秋', '2026秋'],
        lessonTypes: ['复习', '新授'].sort((a, b) => a.localeCompare(b, 'zh')),
        leadPreparers: [{ id: s.li.id, displayName: 'li' }],
      })
      const guest = await store.search.searchFilterValues(
        searchScope(actorOf(s.schoolId, s.zhang.id, 'guest', [s.chinese.id])),
      )
      expect(guest.groups.map((group) => group.name)).toEqual(['八年级语文备课组'])
      expect(guest.semesters).toEqual(['2026秋'])
    })

    it('[SEARCH-6] ranks every match in the query as rankCandidates does, and [SEARCH-3] counts up to the limit', async () => {
      const store = storeOf()
      const schoolId = await store.accounts.createSchool('排序中学')
      const entry = (sourceId: string, title: string, datedAt: number, versionNumber: number | null = null) => {
        const body = '一元一次方程的解法'
        return {
          source: versionNumber === null ? 'document' : 'version',
          sourceId,
          stamp: '1',
          kind: 'lesson-plan',
          schoolId,
          groupId: null,
          lessonId: null,
          documentId: null,
          versionNumber,
          observerId: null,
          observedId: null,
          title,
          datedAt,
          body,
          terms: indexTerms([title, body]),
        } satisfies SearchEntryWrite
      }
      // Written oldest first, the title matches last: a store that ranked only the first rows it read would
      // miss them. Keys differing in case order by bytes on both backends (B before a).
      const entries = [
        ...Array.from({ length: 30 }, (_, i) => entry(`plain-${String(i).padStart(2, '0')}`, '课堂练习', 1_000 + i)),
        entry('a-tie', '课堂练习', 2_000),
        entry('B-tie', '课堂练习', 2_000),
        entry('versioned', '课堂练习', 500, 2),
        entry('some', '方程与不等式', 100),
        entry('all', '一元一次方程的解法（ＦＵＬＬ）', 50),
        entry('all-version', '一元一次方程的解法', 10, 1),
      ]
      await store.search.putSearchEntries(entries)
      const ranked = async (q: string, countLimit: number, pageSize: number) => {
        const { total, page } = await store.search.findSearchMatches({
          terms: queryTerms(q),
          words: queryWords(q),
          scope: searchScope(actorOf(schoolId, 'someone')),
          filters: {},
          countLimit,
          pageSize,
        })
        return { total, keys: page.map((candidate) => candidate.key) }
      }
      const expected = (q: string, pageSize: number) =>
        rankCandidates(
          entries.map((e) => ({ ...e, key: `${e.source}:${e.sourceId}` })),
          queryWords(q),
        )
          .slice(0, pageSize)
          .map((candidate) => candidate.key)
      const first = await ranked('方程 解法', 5, 8)
      expect(first.total).toBe(5)
      expect(first.keys).toEqual(expected('方程 解法', 8))
      expect(first.keys.slice(0, 5)).toEqual([
        'version:all-version',
        'document:all',
        'document:some',
        'version:versioned',
        'document:B-tie',
      ])
      // A title is compared as the query's words are: NFKC, lower case.
      expect((await ranked('full 方程', 100, 1)).keys).toEqual(['document:all'])
      expect(await ranked('方程', 100, 100)).toEqual({ total: entries.length, keys: expected('方程', 100) })
      expect(await ranked('几何', 100, 100)).toEqual({ total: 0, keys: [] })
    })

    it('drops entries whose source was deleted, and reads bodies back by id', async () => {
      const store = storeOf()
      const s = await school(store)
      await indexAll(store, { [s.poem.documentId]: ['父亲的背影'] })
      const {
        page: [found],
      } = await store.search.findSearchMatches({
        terms: queryTerms('父亲'),
        words: queryWords('父亲'),
        scope: searchScope(actorOf(s.schoolId, s.zhang.id)),
        filters: {},
        countLimit: 10,
        pageSize: 10,
      })
      expect(found).toMatchObject({ kind: 'lesson-plan', title: '背影', groupName: '八年级语文备课组', stage: 'draft' })
      expect(await store.search.searchEntryBodies([found!.id, 999_999])).toEqual(new Map([[found!.id, '父亲的背影']]))
      expect(await store.lessons.deleteLesson(s.poem.id, 'draft')).toBe(true)
      expect(await store.search.deleteOrphanSearchEntries()).toBe(1)
      expect(await find(actorOf(s.schoolId, s.zhang.id), '背影')).toEqual([])
      expect(await store.search.deleteOrphanSearchEntries()).toBe(0)
    })
  })
}
