/**
 * The hostile-client suite, run against one store backend: generated attacks from each access level
 * (editor, comment-only, read-only 区教研员) over real WebSockets while an honest colleague types, each
 * run holding the server to three things (docs/BOUNDS.md, BOUNDS-10): `/healthz` answers within a bound
 * measured in the same run, the colleague's typing is stored exactly, and the attacked documents load
 * whole on a fresh server.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { StartOptions } from '../../../server/start.ts'
import { randomSource } from '../../helpers/random-source.ts'
import { attack } from './attacks.ts'
import { type AttackerAccess, HostileRig, textsOf, until } from './hostile-rig.ts'

/**
 * How many times the slowest `/healthz` answer of ordinary heavy work (a pasted chapter) an attack may
 * take. Well below what the attacks cost before they were bounded (seconds to tens of seconds), well
 * above the noise of a loaded machine.
 */
const slowdownAllowed = 20

/** Runs per access level: each is a fresh document and a few seconds. */
const runsPerAccess = 4

const seeds = randomSource(Number(process.env.GONGBEI_HOSTILE_SEED ?? 20261207))

export function hostileSuite(backend: string, options: () => StartOptions) {
  describe(`hostile clients on ${backend}`, () => {
    let rig: HostileRig
    let baselineMs = 0
    let boundMs = 0
    let slowestMs = 0

    beforeAll(async () => {
      rig = await HostileRig.start(options())
      baselineMs = await rig.baselineMs()
      boundMs = slowdownAllowed * baselineMs
    })

    afterAll(async () => {
      // The numbers docs/BOUNDS.md quotes.
      console.info(
        `hostile clients on ${backend}: /healthz slowest ${baselineMs.toFixed(0)} ms under ordinary heavy work, ` +
          `${slowestMs.toFixed(0)} ms under attack (bound ${boundMs.toFixed(0)} ms)`,
      )
      await rig?.stop()
    })

    const levels: [AttackerAccess, string][] = [
      ['edit', 'an editor'],
      ['comment', 'a comment-only 区教研员'],
      ['read', 'a read-only 区教研员'],
    ]
    for (const [access, who] of levels) {
      it(`[BOUNDS-10] ${who}'s generated attacks leave the server responsive and a colleague's typing stored`, async () => {
        await fc.assert(
          fc.asyncProperty(fc.array(attack, { minLength: 1, maxLength: 3 }), async (attacks) => {
            const outcome = await rig.attack(access, attacks)
            slowestMs = Math.max(slowestMs, outcome.slowestHealthMs)
            expect(
              outcome.slowestHealthMs,
              `/healthz slowest answer, bound ${boundMs.toFixed(0)} ms`,
            ).toBeLessThanOrEqual(boundMs)
          }),
          // Without shrinking: each run costs seconds, and the failing attacks are printed whole.
          { seed: Math.floor(seeds() * 0x7fffffff), numRuns: runsPerAccess, endOnFailure: true },
        )
      }, 180_000)
    }

    it('[BOUNDS-10] every attacked document loads on a fresh server with the colleague’s typing exact, and takes more', async () => {
      expect(rig.attacked.length).toBe(levels.length * runsPerAccess)
      await rig.restart()
      for (const { documentId, typed, honest } of rig.attacked) {
        const client = await rig.join(documentId, honest)
        expect(textsOf(client.doc)).toContain(typed)
        client.doc.getText('after').insert(0, '续')
        await until(() => client.frames.acked === client.frames.sent, 20_000, 'a keystroke after the reload is stored')
        expect(client.closeCodes).toEqual([])
        rig.closeAll()
      }
    }, 120_000)
  })
}
