import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { z } from 'zod'
import { App } from './App.tsx'
import { registerServiceWorker } from './offline/service-worker.ts'
import './styles.css'

// The page's policy forbids eval (docs/SECURITY.md, SEC-7); zod would otherwise probe for it with
// `new Function`, and the browser reports that probe as a violation even though zod catches it.
z.config({ jitless: true })

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)

registerServiceWorker()
