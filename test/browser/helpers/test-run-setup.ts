/**
 * vitest globalSetup: gives the run an id that every test file can `inject`, so that work shared by
 * several files (building the client for the browser suites) is done once per run.
 */
import type { TestProject } from 'vitest/node'

declare module 'vitest' {
  export interface ProvidedContext {
    testRunId: string
  }
}

export default function setup(project: TestProject): void {
  project.provide('testRunId', `${process.pid}-${Date.now()}`)
}
