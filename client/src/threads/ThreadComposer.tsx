/**
 * Writing a new thread (批注) or suggestion (建议修改) on the words selected when it was opened: its kind,
 * body (with colleagues @mentioned in it), and the proposed words of a suggestion.
 */
import { type KeyboardEvent, useState } from 'react'
import type * as Y from 'yjs'
import type { GroupMember } from '../../../shared/api/groups.ts'
import { mentionsInBody } from '../../../shared/threads/mentions.ts'
import { type BodyRun, bodyText, trimmedBody } from '../../../shared/threads/rich-body.ts'
import { createSuggestion } from '../../../shared/threads/suggestions.ts'
import { createThread } from '../../../shared/threads/thread-edits.ts'
import { type ThreadKind, threadKindLabels, threadKinds } from '../../../shared/threads/thread-model.ts'
import { escapeClosedMentionList } from './mention-menu.ts'
import { MentionsLine } from './MentionsLine.tsx'
import { RichBodyInput } from './RichBodyInput.tsx'
import { type SelectedWords, wordPoints } from './selection-anchor.ts'

export interface ThreadDraft {
  words: SelectedWords
  suggestion: boolean
}

interface ThreadComposerProps {
  doc: Y.Doc
  draft: ThreadDraft
  authorId: string
  defaultKind: ThreadKind
  /** Whom the thread may @mention: the group's members but the author. */
  members: readonly GroupMember[]
  onDone: (threadId: string | null) => void
}

export const oneParagraphOnly = '建议修改只能在一段之内：请只选中一段里的文字'

export function ThreadComposer({ doc, draft, authorId, defaultKind, members, onDone }: ThreadComposerProps) {
  const [kind, setKind] = useState<ThreadKind>(defaultKind)
  const [body, setBody] = useState<BodyRun[]>([])
  const [replacement, setReplacement] = useState(draft.words.quote)
  const [picked, setPicked] = useState<string[]>([])
  const [failure, setFailure] = useState<string | null>(null)
  const points = wordPoints(doc, draft.words)
  const spansParagraphs = draft.suggestion && points !== null && !points.oneParagraph
  const unchanged = draft.suggestion && replacement === draft.words.quote
  const ready = draft.suggestion ? !unchanged && !spansParagraphs : bodyText(trimmedBody(body)) !== ''
  const mentions = mentionsInBody(bodyText(body), picked, members, authorId)

  const submit = (event: { preventDefault(): void }) => {
    event.preventDefault()
    if (!ready) return
    if (!points) {
      setFailure('选中的文字刚被删除了，请重新选择')
      return
    }
    const thread = { kind, authorId, body: trimmedBody(body), start: points.start, end: points.end, mentions }
    onDone(draft.suggestion ? createSuggestion(doc, { ...thread, replacement }) : createThread(doc, thread))
  }

  return (
    <form
      className="thread-composer"
      data-testid="thread-composer"
      onSubmit={submit}
      onKeyDown={(event) => sendOrCancelKey(event, submit, () => onDone(null))}
    >
      <h3>{draft.suggestion ? '建议修改' : '添加批注'}</h3>
      <blockquote className="thread-quote">{draft.words.quote}</blockquote>
      {spansParagraphs && (
        <p className="thread-failure" role="alert" data-testid="suggestion-one-paragraph">
          {oneParagraphOnly}
        </p>
      )}
      {draft.suggestion && !spansParagraphs && (
        <label className="composer-field">
          <span>改为（留空表示删除这段文字）</span>
          <textarea
            data-testid="suggestion-replacement-input"
            rows={2}
            value={replacement}
            onChange={(event) => setReplacement(event.target.value)}
            autoFocus
          />
        </label>
      )}
      <label className="composer-field composer-kind">
        <span>类型</span>
        <select
          data-testid="thread-kind-select"
          value={kind}
          onChange={(event) => setKind(event.target.value as ThreadKind)}
        >
          {threadKinds.map((option) => (
            <option key={option} value={option}>
              {threadKindLabels[option]}
            </option>
          ))}
        </select>
      </label>
      <div className="composer-field">
        <span>{draft.suggestion ? '说明（可不写）' : '批注'}</span>
        {/* The editor focuses itself a moment after it appears: on a suggestion that would pull the
            caret out of the words being proposed, so there they get the focus instead. */}
        <RichBodyInput
          testId="thread-body-input"
          label={draft.suggestion ? '说明' : '批注'}
          placeholder="输入 @ 可以提醒同组老师"
          mentionable={{ members, authorId }}
          onChange={(runs, ids) => {
            setBody(runs)
            setPicked(ids)
          }}
          autoFocus={!draft.suggestion}
        />
      </div>
      <MentionsLine mentions={mentions} members={members} />
      {failure && (
        <p className="thread-failure" role="alert">
          {failure}
        </p>
      )}
      <span className="thread-actions">
        <button type="submit" className="primary" data-testid="thread-submit" disabled={!ready}>
          发表
        </button>
        <button type="button" className="link-button" data-testid="thread-cancel" onClick={() => onDone(null)}>
          取消
        </button>
      </span>
    </form>
  )
}

/**
 * Ctrl+Enter (⌘+Enter) sends, Esc cancels: the composer can be used without a mouse. An Esc that closes
 * the 「@」 list is that list's, not the composer's.
 */
export function sendOrCancelKey(
  event: KeyboardEvent<HTMLFormElement>,
  send: (event: { preventDefault(): void }) => void,
  cancel: () => void,
): void {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    send(event)
  } else if (event.key === 'Escape' && !escapeClosedMentionList(event.nativeEvent)) {
    cancel()
  }
}
