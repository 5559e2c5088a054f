/**
 * vitest globalSetup: gives the run an id that every test file can `inject`, so that work shared by
 * several files (building the client for the browser suites) is done once per run; at the end of the
 * run, removes what that work left.
 */
import { rmSync } from 'node:fs'
import type { TestProject } from 'vitest/node'
import { clientBuildDir } from './build-client.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    testRunId: string
  }
}

export default function setup(project: TestProject): () => void {
  const runId = `${process.pid}-${Date.now()}`
  project.provide('testRunId', runId)
  return () => rmSync(clientBuildDir(runId), { recursive: true, force: true })
}
