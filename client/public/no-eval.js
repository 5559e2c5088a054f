// A classic script, run before any module: the page's policy forbids eval (docs/SECURITY.md, SEC-7),
// and zod probes for it with `new Function` while building object schemas, which the browser reports as
// a violation even though zod catches it. Schemas are built as soon as their chunk loads, so setting
// `jitless` from a module comes too late once the bundler puts a schema beside zod.
globalThis.__zod_globalConfig = { jitless: true }
