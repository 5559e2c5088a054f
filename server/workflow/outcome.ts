/** What a workflow step answers: its result, or why nothing was done (the HTTP layer maps the kind). */
export type Refusal = { ok: false; kind: 'forbidden' | 'invalid' | 'notFound'; message: string }
export type Outcome<T> = { ok: true; value: T } | Refusal

export const succeed = <T>(value: T): Outcome<T> => ({ ok: true, value })
export const forbid = (message: string): Refusal => ({ ok: false, kind: 'forbidden', message })
export const reject = (message: string): Refusal => ({ ok: false, kind: 'invalid', message })
export const missing = (message: string): Refusal => ({ ok: false, kind: 'notFound', message })
