/**
 * CPU profile of a server child over the measured window only (start-up, seeding and draining left out),
 * written in the `.cpuprofile` format of `node --cpu-prof`: open it in Chrome DevTools or speedscope.
 */
import { writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'

const session = new Session()
session.connect()

export const profilerRequests = {
  profileStart: async () => {
    await session.post('Profiler.enable')
    await session.post('Profiler.start')
  },
  profileStop: async ({ path }: { path: string }) => {
    const { profile } = await session.post('Profiler.stop')
    writeFileSync(path, JSON.stringify(profile))
  },
}
