/**
 * The only HTML an import lets through: the blocks and marks the editor schema holds. No scripts, no
 * event handlers, no styles, no external resources, links only to http(s) and mail; images only with a
 * path of this server (the import's own, `/api/images/…`; the schema takes no other). Text inside
 * unknown elements is kept; the content of script, style and the like is not.
 */
import sanitizeHtml from 'sanitize-html'

const options: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'br',
    'blockquote',
    'pre',
    'code',
    'ul',
    'ol',
    'li',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'strike',
    'del',
    'a',
    'img',
  ],
  allowedAttributes: {
    a: ['href'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    ol: ['start'],
    img: ['src', 'alt', 'width', 'height'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // A paragraph that held only a dropped image would stay behind as an empty line.
  exclusiveFilter: (frame) =>
    (frame.tag === 'img' && !/^\/api\/images\//.test(frame.attribs['src'] ?? '')) ||
    (frame.tag === 'p' && frame.text.trim() === '' && frame.mediaChildren.length === 0),
}

export function sanitizeImportedHtml(html: string): string {
  return sanitizeHtml(html, options)
}
