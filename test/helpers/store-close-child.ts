/**
 * Opens the SQLite store in DATA_DIR, closes it, and prints `closed`: run in a process of its own, where
 * nothing else keeps the event loop alive, as in a short script (`npm run check:docx`).
 */
import { openSqliteStore } from '../../server/store/sqlite-store.ts'

const store = await openSqliteStore(process.env.DATA_DIR!)
await store.close()
process.stdout.write('closed\n')
