/**
 * 「@」 in a thread's or reply's body opens the list of colleagues to mention (MENTION-1): Tiptap's
 * Mention node and its suggestion plugin find the 「@」 and what follows; this module says whom to
 * offer and hands the list to React, which draws it under the box (`RichBodyInput.tsx`). ↑ ↓ move
 * through it, Enter or Tab picks, Esc closes it; a tap or click picks too.
 */
import Mention from '@tiptap/extension-mention'
import { PluginKey } from '@tiptap/pm/state'
import type { SuggestionKeyDownProps, SuggestionProps } from '@tiptap/suggestion'
import type { GroupMember } from '../../../shared/api/groups.ts'
import { mentionTriggers } from '../../../shared/threads/mentions.ts'

/** The list as it is open now: the members offered, the one ↑ ↓ are on, and how to pick one. */
export interface MentionMenu {
  choices: readonly GroupMember[]
  active: number
  pick: (index: number) => void
}

export interface MentionMenuOptions {
  /** The members to offer for what was typed after 「@」. */
  choices: (query: string) => GroupMember[]
  /** The list opened, changed (`MentionMenu`) or closed (`null`). */
  onMenu: (menu: MentionMenu | null) => void
}

type Picked = { id: string; label: string }

/** Escapes that ended a 「@」: the editor stops every Escape, so this is how the form around it knows. */
const closingEscapes = new WeakSet<Event>()

/** Whether this Escape closed the 「@」 list (and so is not meant for what holds the box). */
export function escapeClosedMentionList(event: Event): boolean {
  return closingEscapes.has(event)
}

export function mentionMenuExtension({ choices, onMenu }: MentionMenuOptions) {
  const suggestion = (char: string) => ({
    char,
    pluginKey: new PluginKey(`mention-${char}`),
    // Chinese has no space before a name: 「请@王芳看看」.
    allowedPrefixes: null,
    items: ({ query }: { query: string }) => choices(query),
    render: () => {
      let shown: GroupMember[] = []
      let active = 0
      let command: (picked: Picked) => void = () => {}
      const pick = (index: number) => {
        const member = shown[index]
        if (member) command({ id: member.id, label: member.displayName })
      }
      const show = () => onMenu(shown.length > 0 ? { choices: shown, active, pick } : null)
      const take = (props: SuggestionProps<GroupMember, Picked>) => {
        shown = props.items
        active = Math.min(active, Math.max(shown.length - 1, 0))
        command = props.command
        show()
      }
      return {
        onStart: (props: SuggestionProps<GroupMember, Picked>) => {
          active = 0
          take(props)
        },
        onUpdate: take,
        onKeyDown: ({ event }: SuggestionKeyDownProps) => {
          if (event.key === 'Escape') {
            // The plugin ends the suggestion itself.
            closingEscapes.add(event)
            return true
          }
          if (shown.length === 0 || event.isComposing) return false
          switch (event.key) {
            case 'ArrowDown':
              active = (active + 1) % shown.length
              show()
              return true
            case 'ArrowUp':
              active = (active - 1 + shown.length) % shown.length
              show()
              return true
            case 'Enter':
            case 'Tab':
              pick(active)
              return true
            default:
              return false
          }
        },
        onExit: () => {
          shown = []
          onMenu(null)
        },
      }
    },
  })
  return Mention.configure({
    HTMLAttributes: { class: 'mention' },
    // What the body keeps of a pick: 「@王芳」 as words; the id goes to the thread's `mentions`.
    renderText: ({ node }) => `@${(node.attrs.label as string | null) ?? ''}`,
    renderHTML: ({ node }) => [
      'span',
      { class: 'mention', 'data-mention-id': node.attrs.id as string },
      `@${(node.attrs.label as string | null) ?? ''}`,
    ],
    suggestions: mentionTriggers.map(suggestion),
  })
}
