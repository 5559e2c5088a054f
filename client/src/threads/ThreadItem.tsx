/**
 * One thread in the panel: kind, author, time, the words it is on (and 原文, the words it was written
 * about, once they were rewritten; or 原文已删除 with its quote), body, a suggestion's proposal and
 * decision, replies, and what this user may do with it. Every change goes through
 * `thread-edits.ts`/`suggestions.ts` on the local Y.Doc and travels like any edit.
 */
import { type FormEvent, useState } from 'react'
import type * as Y from 'yjs'
import type { GroupMember } from '../../../shared/api/groups.ts'
import { rewrittenOriginal } from '../../../shared/threads/original-words.ts'
import { mentionsInBody } from '../../../shared/threads/mentions.ts'
import { type BodyRun, bodyText, trimmedBody } from '../../../shared/threads/rich-body.ts'
import { acceptSuggestion, rejectSuggestion, type SuggestionStatus } from '../../../shared/threads/suggestions.ts'
import {
  addReply,
  deleteReply,
  deleteThread,
  editReplyBody,
  editThreadBody,
  setMentions,
  setReplyMentions,
  setResolved,
} from '../../../shared/threads/thread-edits.ts'
import type { ListedThread } from '../../../shared/threads/thread-list.ts'
import { type ReplyView, threadKindLabels } from '../../../shared/threads/thread-model.ts'
import {
  mayChangeOwn,
  mayDecideSuggestion,
  mayReply,
  mayResolve,
  type ThreadActor,
} from '../../../shared/threads/thread-rules.ts'
import { writtenForTeachers } from '../api/teacher-message.ts'
import { EditableText } from './EditableText.tsx'
import { RichBody } from './RichBody.tsx'
import { MentionsLine } from './MentionsLine.tsx'
import { RichBodyInput } from './RichBodyInput.tsx'
import { SuggestionBlock } from './SuggestionBlock.tsx'
import { shortDateTimeText } from '../time-text.ts'
import { nameOf, type People } from './thread-people.ts'

export interface ThreadItemProps {
  doc: Y.Doc
  listed: ListedThread
  /** For a suggestion; `null` for a plain thread. */
  status: SuggestionStatus | null
  actor: ThreadActor
  people: People
  /** Whom a reply, or the thread's author editing it, may @mention. */
  members: readonly GroupMember[]
  selected: boolean
  onSelect: (threadId: string) => void
}

/** What went wrong, for the teacher: our rules' messages are Chinese; anything else means the thread changed meanwhile. */
function failureText(error: unknown): string {
  return error instanceof Error && writtenForTeachers(error.message) ? error.message : '这条批注刚被别人删除或改动了'
}

export function ThreadItem({ doc, listed, status, actor, people, members, selected, onSelect }: ThreadItemProps) {
  const { thread, anchor } = listed
  const original = rewrittenOriginal(thread.quote, anchor)
  const [failure, setFailure] = useState<string | null>(null)
  const [editing, setEditing] = useState(false)
  const [reply, setReply] = useState<BodyRun[]>([])
  const [replyPicked, setReplyPicked] = useState<string[]>([])
  const replyMentions = mentionsInBody(bodyText(reply), replyPicked, members, actor.userId)
  // The reply box is remounted empty once a reply is sent.
  const [replyBox, setReplyBox] = useState(0)
  const run = (change: () => void): boolean => {
    try {
      change()
      setFailure(null)
      return true
    } catch (error) {
      setFailure(failureText(error))
      return false
    }
  }
  const own = mayChangeOwn(actor, thread.authorId).allowed
  const resolvable = mayResolve(actor, thread.authorId).allowed && !thread.suggestion
  const submitReply = (event: FormEvent) => {
    event.preventDefault()
    const body = trimmedBody(reply)
    if (
      bodyText(body) &&
      run(() => addReply(doc, thread.id, { authorId: actor.userId, body, mentions: replyMentions }))
    ) {
      setReply([])
      setReplyPicked([])
      setReplyBox((count) => count + 1)
    }
  }
  const saveThread = (body: BodyRun[], mentions: string[]) =>
    run(() =>
      doc.transact(() => {
        editThreadBody(doc, thread.id, body)
        if (mentions.join() !== thread.mentions.join()) setMentions(doc, thread.id, mentions)
      }),
    ) && setEditing(false)

  return (
    <article
      className={`thread-item kind-${thread.kind}${selected ? ' is-selected' : ''}${thread.state === 'resolved' ? ' is-resolved' : ''}`}
      data-testid="thread-item"
      data-thread-id={thread.id}
      data-state={thread.state}
      aria-current={selected}
      tabIndex={0}
      onClick={() => onSelect(thread.id)}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && event.target === event.currentTarget) onSelect(thread.id)
      }}
    >
      <header className="thread-meta">
        <span className={`thread-kind kind-${thread.kind}`}>
          {thread.suggestion ? '建议修改' : threadKindLabels[thread.kind]}
        </span>
        <strong data-testid="thread-author">{nameOf(people, thread.authorId)}</strong>
        <time className="muted">{shortDateTimeText(thread.createdAt)}</time>
        {thread.state === 'resolved' && <span className="thread-resolved">已解决</span>}
      </header>
      <blockquote className="thread-quote" data-testid="thread-quote">
        {/* An accepted suggestion's words were replaced by its own decision, recorded below: not 原文已删除. */}
        {anchor.deleted && thread.suggestion?.decision !== 'accepted' && (
          <span className="thread-deleted">原文已删除</span>
        )}
        {anchor.deleted ? thread.quote : anchor.text}
      </blockquote>
      {original !== null && (
        <p className="thread-original" data-testid="thread-original">
          原文：{original}
        </p>
      )}
      {thread.suggestion && (
        <SuggestionBlock
          suggestion={thread.suggestion}
          status={status}
          people={people}
          mayAccept={mayDecideSuggestion(actor, 'accepted').allowed}
          mayReject={mayDecideSuggestion(actor, 'rejected').allowed}
          onAccept={() => run(() => acceptSuggestion(doc, thread.id, actor.userId))}
          onReject={() => run(() => rejectSuggestion(doc, thread.id, actor.userId))}
        />
      )}
      {editing ? (
        <EditableText
          initial={thread.bodyDelta}
          label="修改批注"
          mentions={{ authorId: thread.authorId, members, initial: thread.mentions }}
          onSave={saveThread}
          onCancel={() => setEditing(false)}
        />
      ) : (
        thread.body && (
          <p className="thread-body" data-testid="thread-body">
            <RichBody runs={thread.bodyDelta} />
          </p>
        )
      )}
      {thread.mentions.length > 0 && (
        <p className="thread-mentions muted">{thread.mentions.map((id) => `@${nameOf(people, id)}`).join(' ')}</p>
      )}
      {thread.replies.length > 0 && (
        <ol className="thread-replies">
          {thread.replies.map((item) => (
            <Reply
              key={item.id}
              reply={item}
              mine={mayChangeOwn(actor, item.authorId).allowed}
              people={people}
              members={members}
              run={run}
              onEdit={(body, mentions) =>
                doc.transact(() => {
                  editReplyBody(doc, thread.id, item.id, body)
                  if (mentions.join() !== item.mentions.join()) setReplyMentions(doc, thread.id, item.id, mentions)
                })
              }
              onDelete={() => deleteReply(doc, thread.id, item.id)}
            />
          ))}
        </ol>
      )}
      {failure && (
        <p className="thread-failure" role="alert">
          {failure}
        </p>
      )}
      <div className="thread-actions" onClick={(event) => event.stopPropagation()}>
        {resolvable && (
          <button
            type="button"
            className="link-button"
            data-testid="thread-resolve"
            onClick={() => run(() => setResolved(doc, thread.id, thread.state === 'open', actor.userId))}
          >
            {thread.state === 'open' ? '标为已解决' : '重新打开'}
          </button>
        )}
        {own && !editing && (
          <>
            <button type="button" className="link-button" data-testid="thread-edit" onClick={() => setEditing(true)}>
              编辑
            </button>
            <button
              type="button"
              className="link-button"
              data-testid="thread-delete"
              onClick={() => window.confirm('删除这条批注和它的回复？') && run(() => deleteThread(doc, thread.id))}
            >
              删除
            </button>
          </>
        )}
      </div>
      {thread.state === 'resolved' && thread.resolvedBy && !thread.suggestion && (
        <p className="muted thread-record">
          {nameOf(people, thread.resolvedBy)} 标为已解决 ·{' '}
          {thread.resolvedAt ? shortDateTimeText(thread.resolvedAt) : ''}
        </p>
      )}
      {selected && mayReply(actor).allowed && (
        <form className="thread-reply-form" onSubmit={submitReply} onClick={(event) => event.stopPropagation()}>
          <RichBodyInput
            key={replyBox}
            testId="thread-reply-input"
            label="回复"
            placeholder="回复……（输入 @ 可以提醒同组老师）"
            mentionable={{ members, authorId: actor.userId }}
            onChange={(runs, ids) => {
              setReply(runs)
              setReplyPicked(ids)
            }}
          />
          <MentionsLine mentions={replyMentions} members={members} />
          <button type="submit" data-testid="thread-reply-submit" disabled={!bodyText(trimmedBody(reply))}>
            回复
          </button>
        </form>
      )}
    </article>
  )
}

interface ReplyProps {
  reply: ReplyView
  mine: boolean
  people: People
  members: readonly GroupMember[]
  run: (change: () => void) => boolean
  onEdit: (body: BodyRun[], mentions: string[]) => void
  onDelete: () => void
}

function Reply({ reply, mine, people, members, run, onEdit, onDelete }: ReplyProps) {
  const [editing, setEditing] = useState(false)
  return (
    <li className="thread-reply" data-testid="thread-reply" onClick={(event) => event.stopPropagation()}>
      <span className="thread-meta">
        <strong>{nameOf(people, reply.authorId)}</strong>{' '}
        <time className="muted">{shortDateTimeText(reply.createdAt)}</time>
      </span>
      {editing ? (
        <EditableText
          initial={reply.bodyDelta}
          label="修改回复"
          mentions={{ authorId: reply.authorId, members, initial: reply.mentions }}
          onSave={(body, mentions) => run(() => onEdit(body, mentions)) && setEditing(false)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <p className="thread-body">
          <RichBody runs={reply.bodyDelta} />
        </p>
      )}
      {mine && !editing && (
        <span className="thread-actions">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            编辑
          </button>
          <button
            type="button"
            className="link-button"
            onClick={() => window.confirm('删除这条回复？') && run(onDelete)}
          >
            删除
          </button>
        </span>
      )}
    </li>
  )
}
