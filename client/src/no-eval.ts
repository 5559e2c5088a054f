/**
 * Imported first by `main.tsx`, before any module builds a zod schema. The page's policy forbids eval
 * (docs/SECURITY.md, SEC-7); zod otherwise probes for it with `new Function` while building object
 * schemas, and the browser reports that probe as a violation even though zod catches it.
 */
import { z } from 'zod'

z.config({ jitless: true })
